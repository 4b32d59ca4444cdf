// npm run bench:isolated [-- --sizes 1000 --rounds 3 --variants "raw|kit board"]: the dashboard-scale
// figures with each variant measured in a Node process of its own. In `npm run bench` the variants
// take turns in one process, which each leaves warmed up and shaped by its own objects: one variant's
// rounds there drift up round after round (raw at 1,000 sessions: 78, 88, then 96 ms of thread CPU per
// period in one run, the live heap after each teardown unchanged). Alone, no variant pays for another.
// Prints each variant's median round and its ratio to raw, thread CPU beside event-loop time, and
// writes test-results/bench/dashboard-scale.isolated.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './pack-kit.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,3000' },
    rounds: { type: 'string', default: '3' },
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

const measurements = variants.flatMap((variant) => {
  console.log(`Measuring ${variant} alone…`);
  return measureAlone(variant);
});
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
    'GC ms/period': entry.gcMsPerPeriod,
    'req/session/period': entry.requestsPerSessionPerPeriod,
  };
});
console.table(table);
mkdirSync(benchDir, { recursive: true });
writeFileSync(join(benchDir, 'dashboard-scale.isolated.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), rounds: Number(values.rounds), table, measurements }, null, 2)}\n`);
