import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startExamplesStack } from '../scripts/examples-stack.mjs';
import { NEXT_APP } from '../scripts/next-app.mjs';
import { packKit, ROOT } from '../scripts/pack-kit.mjs';
import { E2E_DIR, formatFigures, type Figure } from './figures';

/**
 * Packs the kit into examples/node_modules (building it when dist/ is stale), type-checks the
 * apps against the packed declarations, builds them (`vite build`, `next build`), and serves
 * them and the API on free 127.0.0.1 ports; the Next.js app's output goes to next-app.log. The URLs reach the tests through the environment. Returns the teardown.
 */
export default async function globalSetup() {
  const started = Date.now();
  rmSync(E2E_DIR, { recursive: true, force: true });
  mkdirSync(join(E2E_DIR, 'figures'), { recursive: true });
  packKit({ log: (line) => console.log(`e2e setup: ${line}`) });
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'examples')], {
    stdio: 'inherit',
  });

  const serverLog = createWriteStream(join(E2E_DIR, 'api-server.log'));
  const nextLog = createWriteStream(join(E2E_DIR, 'next-app.log'));
  const stack = await startExamplesStack({
    mode: 'preview',
    apiPort: 0,
    appPorts: { 'order-confirmation': 0, 'merchant-dashboard': 0, [NEXT_APP]: 0 },
    apiLog: (line) => serverLog.write(`${line}\n`),
    nextLog: (line) => nextLog.write(`${line}\n`),
  });
  process.env.E2E_API_URL = stack.api.url;
  for (const app of stack.apps) process.env[`E2E_URL_${app.name.replaceAll('-', '_').toUpperCase()}`] = app.url;
  console.log(`e2e setup: ready in ${Date.now() - started} ms: API ${stack.api.url}, ${stack.apps.map((app) => app.url).join(', ')}`);

  return async () => {
    await stack.close();
    serverLog.end();
    nextLog.end();
    const figureDir = join(E2E_DIR, 'figures');
    const figures = readdirSync(figureDir).map((file) => JSON.parse(readFileSync(join(figureDir, file), 'utf8')) as Figure);
    if (figures.length === 0) return;
    const table = formatFigures(figures);
    writeFileSync(join(E2E_DIR, 'figures.md'), `${table}\n`);
    console.log(`\n${table}`);
  };
}
