// Serves the static Storybook (npm run build-storybook) from a sub-folder of a local server,
// opens the merchant-dashboard story in the Chromium the tests use, waits for it to settle on
// the mocked API, and saves docs/storybook-dashboard.png: proof the static build works offline
// from any folder, and the README's picture.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const root = process.argv[2] ?? 'storybook-static';
const output = process.argv[3] ?? 'docs/storybook-dashboard.png';
const mount = '/some/folder/';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const file = join(root, normalize(path.slice(mount.length) || 'index.html'));
  if (!path.startsWith(mount) || !file.startsWith(normalize(root)) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://127.0.0.1:${port}${mount}iframe.html?id=live-scenarios-merchant-dashboard--fifty-sessions-settling&viewMode=story`);
  await page.getByText('All 50 sessions settled').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: output, fullPage: false });
  if (errors.length > 0) throw new Error(`Page errors: ${errors.join('; ')}`);
  console.log(`Saved ${output} (static Storybook served from ${mount}, settled on mocked API).`);
} finally {
  await browser.close();
  server.close();
}
