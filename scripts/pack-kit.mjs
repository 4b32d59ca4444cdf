// Installs the kit into examples/node_modules/react-checkout-session exactly as npm would from
// the registry: `npm pack` (only what package.json "files" publishes), then the tarball
// unpacked. The examples then import `react-checkout-session` through its "exports", from
// dist/, never from src/. Its dependencies (react, @tanstack/react-query, zod) resolve from the
// root node_modules, one level up, so nothing is downloaded. Builds the kit first when dist/
// is missing or older than src/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const PACKED_KIT_DIR = join(ROOT, 'examples', 'node_modules', 'react-checkout-session');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Whether dist/ is missing or older than any file in src/ or package.json. */
export function kitNeedsBuild() {
  const built = join(ROOT, 'dist', 'index.js');
  if (!existsSync(built) || !existsSync(join(ROOT, 'dist', 'index.d.ts'))) return true;
  return Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'package.json'))) > statSync(built).mtimeMs;
}

/** @param {{ log?: (line: string) => void }} [options] @returns {string} the unpacked package's folder */
export function packKit({ log = console.log } = {}) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (kitNeedsBuild()) {
    log('kit: dist/ is missing or older than src/: npm run build');
    try {
      execFileSync(npm, ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      // The build's own output says why; it is only noise when the build works.
      process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
      throw error;
    }
  }
  const workDir = mkdtempSync(join(tmpdir(), 'rcs-pack-'));
  try {
    const output = execFileSync(npm, ['pack', '--json', '--pack-destination', workDir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [{ filename }] = JSON.parse(output);
    rmSync(PACKED_KIT_DIR, { recursive: true, force: true });
    mkdirSync(PACKED_KIT_DIR, { recursive: true });
    // npm tarballs hold everything under package/.
    execFileSync('tar', ['-xzf', join(workDir, filename), '-C', PACKED_KIT_DIR, '--strip-components=1']);
    log(`kit: ${filename} unpacked into ${PACKED_KIT_DIR.slice(ROOT.length + 1)}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return PACKED_KIT_DIR;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) packKit();
