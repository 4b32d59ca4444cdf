// Builds and serves examples/nextjs-order-confirmation with Next.js's own command line, as a
// user would run it: `next build` then `next start`, or `next dev` for the demo, in a child
// process on 127.0.0.1. Telemetry is off; the app fetches nothing but the local API.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './pack-kit.mjs';

export const NEXT_APP = 'nextjs-order-confirmation';
export const NEXT_APP_PORT = 5176;
const APP_DIR = join(ROOT, 'examples', NEXT_APP);
const NEXT_BIN = join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const READY_TIMEOUT_MS = 60_000;

/** @param {{ apiUrl: string, token: string }} api */
function nextEnv(api) {
  // Next expects NODE_ENV to be its own (production for build and start, development for dev).
  const { NODE_ENV: _ignored, ...env } = process.env;
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', CHECKOUT_API_URL: api.apiUrl, CHECKOUT_DEMO_TOKEN: api.token };
}

/** Runs `next <args>` in the app's folder, passing each line of its output to `log`. */
function spawnNext(args, env, log) {
  const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: APP_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => chunk.split('\n').filter(Boolean).forEach((line) => log(line)));
  }
  return child;
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves once the server answers at all; rejects if it exits first or takes too long. */
async function untilServing(child, url) {
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`next exited with code ${code} before serving ${url}`);
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const poll = async () => {
    while (Date.now() < deadline) {
      try {
        await fetch(url, { redirect: 'manual' });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`next did not serve ${url} within ${READY_TIMEOUT_MS} ms`);
  };
  await Promise.race([poll(), exited]);
}

/**
 * @param {{ mode: 'dev' | 'preview', port?: number, apiUrl: string, token: string, log: (line: string) => void }} options
 *   `port` 0 picks a free one; default 5176.
 * @returns {Promise<{ name: string, url: string, close: () => Promise<void> }>}
 */
export async function startNextApp({ mode, port = NEXT_APP_PORT, apiUrl, token, log }) {
  const env = nextEnv({ apiUrl, token });
  if (mode === 'preview') {
    const build = spawnNext(['build'], env, log);
    const [code] = await once(build, 'exit');
    if (code !== 0) throw new Error(`next build failed with code ${code}: see its output above`);
  }
  const listenPort = port === 0 ? await freePort() : port;
  const server = spawnNext([mode === 'dev' ? 'dev' : 'start', '-H', '127.0.0.1', '-p', String(listenPort)], env, log);
  const url = `http://127.0.0.1:${listenPort}/`;
  const close = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    server.kill('SIGTERM');
    await once(server, 'exit');
  };
  try {
    await untilServing(server, url);
  } catch (error) {
    await close();
    throw error;
  }
  return { name: NEXT_APP, url, close };
}
