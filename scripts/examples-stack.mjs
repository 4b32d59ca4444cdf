// Starts the demo stack: the local checkout API, the two Vite example apps and the Next.js one,
// either as dev servers (npm run demo) or built and served by `vite preview` and `next start`
// (the e2e tests). Everything listens on 127.0.0.1. Used by scripts/demo.mjs and e2e/global-setup.ts.
import { join } from 'node:path';
import { build, createServer, preview } from 'vite';
import { startApiServer } from '../examples/api-server/server.mjs';
import { NEXT_APP, startNextApp } from './next-app.mjs';
import { ROOT } from './pack-kit.mjs';

export const EXAMPLE_APPS = ['order-confirmation', 'merchant-dashboard'];
/** What VITE_CHECKOUT_API says for an app that reaches the API through its own origin. */
export const SAME_ORIGIN = 'same-origin';

/**
 * @param {{ mode: 'dev' | 'preview', apiPort?: number, appPorts?: Record<string, number>, apiLog?: (line: string) => void, nextLog?: (line: string) => void, minify?: boolean }} options
 *   Ports default to the apps' own (4010, 5174, 5175, 5176); 0 picks free ones. `nextLog` gets
 *   the Next.js app's output (default: the console). `minify: false` keeps the Vite apps'
 *   function names, for a profile.
 */
export async function startExamplesStack({
  mode,
  apiPort,
  appPorts = {},
  apiLog,
  nextLog = (line) => console.log(`next: ${line}`),
  minify = true,
}) {
  const api = await startApiServer({ ...(apiPort === undefined ? {} : { port: apiPort }), ...(apiLog ? { log: apiLog } : {}) });
  /** @type {{ name: string, url: string, close: () => Promise<void> }[]} */
  const apps = [];
  // Next builds in its own process: alongside Vite's builds, not after them.
  const nextPort = appPorts[NEXT_APP];
  const nextApp = startNextApp({ mode, apiUrl: api.url, token: api.token, log: nextLog, ...(nextPort === undefined ? {} : { port: nextPort }) });
  try {
    for (const name of EXAMPLE_APPS) {
      const configFile = join(ROOT, 'examples', name, 'vite.config.ts');
      const port = appPorts[name];
      const portOverride = port === undefined ? {} : { port, strictPort: port !== 0 };
      // The apps read the API's address from VITE_CHECKOUT_API, baked in at build or served in
      // dev. The dashboard asks its own origin, which passes /api on to the API: a browser sends
      // a CORS preflight for each new URL, and 10,000 sessions are 10,000 URLs. The confirmation
      // page stays cross-origin, so CORS (Retry-After exposed, preflights cached) stays tested.
      const sameOrigin = name === 'merchant-dashboard';
      const define = { 'import.meta.env.VITE_CHECKOUT_API': JSON.stringify(sameOrigin ? SAME_ORIGIN : api.url) };
      const proxy = sameOrigin ? { '/api': api.url } : undefined;
      if (mode === 'dev') {
        const server = await createServer({ configFile, define, server: { ...portOverride, proxy }, logLevel: 'warn' });
        await server.listen();
        apps.push({ name, url: server.resolvedUrls?.local[0] ?? '', close: () => server.close() });
      } else {
        await build({ configFile, define, logLevel: 'warn', build: { minify } });
        const server = await preview({ configFile, preview: { ...portOverride, proxy }, logLevel: 'warn' });
        apps.push({ name, url: server.resolvedUrls?.local[0] ?? '', close: () => server.close() });
      }
    }
    apps.push(await nextApp);
  } catch (error) {
    const closeNext = nextApp.then((app) => (apps.includes(app) ? undefined : app.close()), () => undefined);
    await Promise.all([api.close(), closeNext, ...apps.map((app) => app.close())]);
    throw error;
  }
  return {
    api,
    apps,
    close: async () => {
      await Promise.all([api.close(), ...apps.map((app) => app.close())]);
    },
  };
}
