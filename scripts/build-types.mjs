// Bundles the declarations of each entry into one file and writes it twice, as .d.ts for
// `import` and .d.cts for `require`: one self-contained file per entry keeps TypeScript's
// node16 resolution honest for both module systems (attw checks it).
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const entries = {
  index: 'build-types/index.d.ts',
  testing: 'build-types/testing/index.d.ts',
  'testing-fixtures': 'build-types/testing/data.d.ts',
};

rmSync('build-types', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

for (const [name, input] of Object.entries(entries)) {
  const bundle = await rollup({ input, plugins: [dts()], external: (id) => !id.startsWith('.') && !id.startsWith('/') });
  await bundle.write({ file: `dist/${name}.d.ts`, format: 'es' });
  copyFileSync(`dist/${name}.d.ts`, `dist/${name}.d.cts`);
}
rmSync('build-types', { recursive: true, force: true });
