/**
 * `npm run bench`: how many rows of a 200-session dashboard re-render while 5 sessions settle
 * (one per period, over 5 periods) and the other 195 answer equal PENDING data on every poll,
 * and whether a poll of equal data for all 200 re-renders anything. Rows are memoised and
 * show what a dashboard row shows, the status or that it failed (`data` and `error`): a row
 * that also showed `isFetching` would have to re-render on every poll whatever the data layer.
 * Counts, not timings, so fake timers drive the polls. Every figure is measured and printed
 * before any goal is asserted.
 */
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { advance } from '../support/fakeTime';
import { createFakeApi, Providers, RenderCounter, rowsBoards, sessionIds, type RowsVariant } from './dashboard';

const COUNT = 200;
const SETTLING = 5;
const PERIOD = 1_000;
const WARM_UP_PERIODS = 2;
const VARIANTS: RowsVariant[] = ['raw', 'raw, rows given data', 'kit board'];

type Counts = ReturnType<RenderCounter['since']> & { requests: number };

/** Mounts the board, lets the first load and the warm-up periods pass, and counts from there. */
async function watch(variant: RowsVariant, during: (api: ReturnType<typeof createFakeApi>, ids: string[]) => Promise<void>): Promise<Counts> {
  const ids = sessionIds(COUNT);
  const api = createFakeApi({ latencyMs: 2 });
  const client = api.client();
  const queryClient = new QueryClient();
  const counter = new RenderCounter();
  const Board = rowsBoards[variant];
  try {
    render(
      <Providers queryClient={queryClient} client={client}>
        <Board ids={ids} period={PERIOD} client={client} counter={counter} />
      </Providers>,
    );
    await advance(WARM_UP_PERIODS * PERIOD + PERIOD / 2);
    const before = counter.snapshot();
    const requestsBefore = api.requests;
    await during(api, ids);
    return { ...counter.since(before), requests: api.requests - requestsBefore };
  } finally {
    cleanup();
    queryClient.clear();
  }
}

/** One session settles per period, spread over the board; the rest stay PENDING. */
const settleFive = async (api: ReturnType<typeof createFakeApi>, ids: string[]) => {
  for (let index = 0; index < SETTLING; index += 1) {
    api.settle(ids[index * (COUNT / SETTLING)]!, 'SUCCEEDED');
    await advance(PERIOD);
  }
};

const onePollOfEqualData = async () => {
  await advance(PERIOD);
};

const settling: Partial<Record<RowsVariant, Counts>> = {};
const unchanged: Partial<Record<RowsVariant, Counts>> = {};

beforeAll(async () => {
  vi.useFakeTimers();
  try {
    for (const variant of VARIANTS) {
      settling[variant] = await watch(variant, settleFive);
      unchanged[variant] = await watch(variant, onePollOfEqualData);
    }
  } finally {
    vi.useRealTimers();
  }
  const line = (figure: string, of: Partial<Record<RowsVariant, Counts>>, field: keyof Counts, goal: string) => ({
    figure,
    ...Object.fromEntries(VARIANTS.map((variant) => [variant, of[variant]?.[field]])),
    goal,
  });
  console.log(`\n200-row dashboard (memo rows, fake API, polled every ${PERIOD} ms, fake timers, after ${WARM_UP_PERIODS} periods of warm-up)`);
  console.table([
    line(`row renders while ${SETTLING} settle over ${SETTLING} periods`, settling, 'rowRenders', 'kit ≤ 10'),
    line('rows re-rendered, same', settling, 'rowsRendered', ''),
    line('board renders, same', settling, 'boardRenders', ''),
    line('requests, same', settling, 'requests', `${COUNT * SETTLING - (SETTLING * (SETTLING - 1)) / 2} or so`),
    line('row renders for a poll of equal data', unchanged, 'rowRenders', 'kit 0'),
    line('board renders, same', unchanged, 'boardRenders', 'kit 0'),
    line('requests, same', unchanged, 'requests', String(COUNT)),
  ]);
  // Six boards of 200 rows, each through several periods in jsdom's development React.
}, 180_000);

describe('200-row dashboard figures', () => {
  it('polls every session in each measured period', () => {
    // Settled sessions stop: 200 + 199 + … + 196 requests, give or take the period's edge.
    for (const variant of VARIANTS) {
      expect.soft(settling[variant]!.requests, variant).toBeGreaterThanOrEqual(COUNT * SETTLING - 2 * COUNT * 0.05);
      expect.soft(unchanged[variant]!.requests, variant).toBe(COUNT);
    }
  });

  it(`re-renders at most 10 rows of the kit's board while ${SETTLING} of ${COUNT} sessions settle`, () => {
    expect(settling['kit board']!.rowRenders).toBeLessThanOrEqual(10);
  });

  it("re-renders nothing on the kit's board for a poll that returns equal data for all 200 sessions", () => {
    expect.soft(unchanged['kit board']!.boardRenders, 'board renders').toBe(0);
    expect.soft(unchanged['kit board']!.rowRenders, 'row renders').toBe(0);
  });
});
