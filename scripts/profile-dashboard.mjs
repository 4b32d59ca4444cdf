// npm run profile:dashboard [-- --count 10000 --seconds 10]: Chromium CPU profiles of the
// merchant-dashboard example on the packed kit against the local API, the same stack as the e2e
// tests, built unminified so functions keep their names: one window during the initial load, one once the counts settled (rows on screen polling,
// the rest swept). Writes test-results/profiles/dashboard-*.cpuprofile (open them in Chrome's
// DevTools, Performance panel) and prints where the main thread's time went, by function and by
// package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { startExamplesStack } from './examples-stack.mjs';
import { packKit, ROOT } from './pack-kit.mjs';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    pending: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    top: { type: 'string', default: '20' },
  },
});
const windowMs = Number(values.seconds) * 1_000;
const outDir = join(ROOT, 'test-results', 'profiles');

/** Self time per function and per package (or file) of a V8 CPU profile, idle and GC apart. */
function summarise(profile, top) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map();
  profile.samples.forEach((id, index) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byFunction = new Map();
  const byPlace = new Map();
  let busy = 0;
  for (const [id, micros] of selfByNode) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy += micros;
    const file = url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '');
    const place = functionName === '(garbage collector)' ? 'garbage collector' : file || 'native';
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const ms = (micros) => `${(micros / 1_000).toFixed(1)} ms`.padStart(10);
  const lines = [`busy ${ms(busy).trim()} of ${((profile.endTime - profile.startTime) / 1_000).toFixed(0)} ms`];
  for (const [place, micros] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 8)) lines.push(`${ms(micros)}  ${place}`);
  lines.push('  by function (self time):');
  for (const [key, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${ms(micros)}  ${key}`);
  return lines.join('\n');
}

async function profileWindow(page, name) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  await page.waitForTimeout(windowMs);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const file = join(outDir, `dashboard-${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`\n${name} (${values.count} sessions, ${windowMs / 1_000} s window) → ${file}\n${summarise(profile, Number(values.top))}`);
}

mkdirSync(outDir, { recursive: true });
packKit({ log: (line) => console.log(`profile: ${line}`) });
const stack = await startExamplesStack({
  mode: 'preview',
  apiPort: 0,
  appPorts: { 'order-confirmation': 0, 'merchant-dashboard': 0, 'nextjs-order-confirmation': 0 },
  minify: false,
  apiLog: () => {},
  nextLog: () => {},
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const dashboard = stack.apps.find((app) => app.name === 'merchant-dashboard');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${dashboard.url}?count=${values.count}&pending=${values.pending}&pollInterval=1000`);
  await page.getByTestId('session-count').waitFor();
  await profileWindow(page, 'initial-load');
  await page.getByTestId('pending-count').filter({ hasText: new RegExp(`^${values.pending}$`) }).waitFor({ timeout: 600_000 });
  await profileWindow(page, 'settled');
} finally {
  await browser.close();
  await stack.close();
}
