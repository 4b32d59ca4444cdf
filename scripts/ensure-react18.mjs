// Runs before `npm test`: the unit-react18 project loads the oldest peers the kit supports,
// React 18.2 and React Query 5.100, from their own install in test/react18 (react-dom@18 peers
// react@18, which cannot sit beside the root's React 19). Installed again when what is there is
// not what test/react18/package.json pins, so a clone from before a pin changed is brought up to it.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const harness = new URL('../test/react18/', import.meta.url);
const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));
const { devDependencies } = readJson(new URL('package.json', harness));
const isInstalled = ([name, version]) => {
  const installed = new URL(`node_modules/${name}/package.json`, harness);
  return existsSync(installed) && readJson(installed).version === version;
};

if (!Object.entries(devDependencies).every(isInstalled)) {
  console.log('Installing React 18.2 and React Query 5.100 for the unit-react18 tests (npm ci --prefix test/react18).');
  execSync('npm ci --prefix test/react18 --no-audit --no-fund', { stdio: 'inherit' });
}
