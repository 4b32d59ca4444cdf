// Runs before `npm test`: the unit-react18 project loads React 18 from its own install in
// test/react18 (react-dom@18 peers react@18, which cannot sit beside the root's React 19).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../test/react18/node_modules/react-dom/package.json', import.meta.url))) {
  console.log('Installing React 18 for the unit-react18 tests (npm ci --prefix test/react18).');
  execSync('npm ci --prefix test/react18 --no-audit --no-fund', { stdio: 'inherit' });
}
