// npm run bench:isolated [-- --sizes 1000 --rounds 3 --repeats 3 --variants "raw|kit board"]: the dashboard-scale
// figures with each variant measured in a Node process of its own. In `npm run bench` the variants
// take turns in one process, which each leaves warmed up and shaped by its own objects: one variant's
// rounds there drift up round after round (raw at 1,000 sessions: 78, 88, then 96 ms of thread CPU per
// period in one run, the live heap after each teardown unchanged). Alone, no variant pays for another.
// Prints each variant's median round and its ratio to raw, thread CPU beside event-loop time, and
// writes test-results/bench/dashboard-scale.isolated.json. One process to the next moves a figure by
// up to a sixth (the machine's speed drifts over minutes): with --repeats N, each variant is measured
// in N processes, taking turns with the others, and the table gives the median process, and the
// median of each repeat's ratio to raw's process of the same repeat.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './pack-kit.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,3000' },
    rounds: { type: 'string', default: '3' },
    repeats: { type: 'string', default: '1' },
    variants: { type: 'string', default: 'raw|raw, spread as the kit spreads|kit board|kit rows' },
  },
});
const variants = values.variants.split('|').map((variant) => variant.trim());
const benchDir = join(ROOT, 'test-results', 'bench');
// Where the bench writes a run narrowed to some variants or sizes, as this script's runs are.
const narrowedOutput = join(benchDir, 'dashboard-scale.narrowed.json');

/** One variant's measurements at every size, from a vitest process of its own. */
function measureAlone(variant) {
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--maxWorkers=1', '--project', 'bench-scale', 'test/bench/dashboard-scale.figures.test.tsx'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', BENCH_SCALE_VARIANTS: variant, BENCH_SCALE_SIZES: values.sizes, BENCH_SCALE_ROUNDS: values.rounds },
    },
  );
  if (run.status !== 0) throw new Error(`The bench of "${variant}" failed (exit ${run.status}).`);
  return JSON.parse(readFileSync(narrowedOutput, 'utf8')).measurements;
}

const processes = [];
for (let repeat = 1; repeat <= Number(values.repeats); repeat += 1) {
  for (const variant of variants) {
    console.log(`Measuring ${variant} alone (${repeat} of ${values.repeats})…`);
    processes.push(...measureAlone(variant).map((entry) => ({ ...entry, repeat })));
  }
}
/** Each variant's median process at each size, by thread CPU (event-loop time where there is none). */
const cost = (entry) => entry.threadCpuMsPerPeriod ?? entry.mainThreadMsPerPeriod;
/** The middle of a sorted list, the lower one of two. */
const middle = (sorted) => sorted[Math.floor((sorted.length - 1) / 2)];
/**
 * The median, over repeats, of the variant's cost over raw's in the same repeat: processes of one
 * repeat ran minutes apart at most, so a drift of the machine's speed over the run cancels out.
 */
function pairedRatio(variant, sessions) {
  const ratios = processes
    .filter((entry) => entry.variant === variant && entry.sessions === sessions)
    .flatMap((entry) => {
      const raw = processes.find((other) => other.variant === 'raw' && other.sessions === sessions && other.repeat === entry.repeat);
      return raw ? [cost(entry) / cost(raw)] : [];
    });
  return ratios.length > 0 ? middle(ratios.sort((a, b) => a - b)) : undefined;
}
const measurements = variants.flatMap((variant) =>
  [...new Set(processes.map((entry) => entry.sessions))].map((sessions) => {
    const alike = processes.filter((entry) => entry.variant === variant && entry.sessions === sessions).sort((a, b) => cost(a) - cost(b));
    return { ...middle(alike), processes: alike.map(cost), pairedRatio: pairedRatio(variant, sessions) };
  }),
);
const ratio = (value, raw) => (raw ? `${(value / raw).toFixed(2)}×` : '');
const table = measurements.map((entry) => {
  const raw = measurements.find((other) => other.variant === 'raw' && other.sessions === entry.sessions);
  return {
    variant: entry.variant,
    sessions: entry.sessions,
    'ms/period': entry.mainThreadMsPerPeriod,
    '/ raw': ratio(entry.mainThreadMsPerPeriod, raw?.mainThreadMsPerPeriod),
    'thread CPU ms/period': entry.threadCpuMsPerPeriod,
    'thread CPU / raw': entry.threadCpuMsPerPeriod === null ? '' : ratio(entry.threadCpuMsPerPeriod, raw?.threadCpuMsPerPeriod),
    'thread CPU / raw of the same repeat (median)': entry.pairedRatio === undefined ? '' : `${entry.pairedRatio.toFixed(2)}×`,
    'GC ms/period': entry.gcMsPerPeriod,
    'req/session/period': entry.requestsPerSessionPerPeriod,
    'thread CPU of each process': entry.processes.join(' '),
  };
});
console.table(table);
mkdirSync(benchDir, { recursive: true });
writeFileSync(join(benchDir, 'dashboard-scale.isolated.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), rounds: Number(values.rounds), repeats: Number(values.repeats), table, measurements }, null, 2)}\n`);

// Issue 12's goal, judged here on the paired ratio: no kit variant may spend more thread CPU per
// period than raw's process of the same repeat, in the median repeat. The table alone would let a
// run that misses it exit 0.
const overRaw = measurements.filter((entry) => entry.variant.startsWith('kit') && entry.pairedRatio !== undefined && entry.pairedRatio > 1);
for (const entry of overRaw) {
  console.error(`${entry.variant} at ${entry.sessions} sessions: ${entry.pairedRatio.toFixed(2)}× raw's thread CPU per period (median repeat), more than raw.`);
}
if (overRaw.length > 0) process.exitCode = 1;
