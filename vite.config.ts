/// <reference types="vitest/config" />
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { copyFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

const peers = [...Object.keys(packageJson.peerDependencies), ...Object.keys(packageJson.dependencies)];
const isExternal = (id: string) => peers.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig({
  plugins: [
    react(),
    {
      name: 'copy-styles',
      apply: 'build',
      closeBundle() {
        copyFileSync('src/styles.css', 'dist/styles.css');
      },
    },
  ],
  publicDir: false,
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
      formats: ['es', 'cjs'],
      fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
    },
    rolldownOptions: {
      external: isExternal,
      // One file per module: with "sideEffects" limited to CSS, an app's bundler keeps only
      // what it imports, and each "use client" directive stays on the module that needs it.
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
  test: {
    reporters: ['default', './test/support/totalsReporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          globals: true,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/bench/**'],
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          environment: 'jsdom',
          globals: true,
          include: ['test/bench/polling.figures.test.tsx'],
        },
      },
      {
        extends: true,
        test: {
          name: 'bench-jsdom',
          environment: 'jsdom',
          include: ['test/bench/mount.figures.test.tsx'],
          // Run with NODE_ENV=production (npm run bench does): mount costs are measured on
          // React's production build, as shoppers' pages run it; the development build adds
          // work per component that no user pays.
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench-chromium',
          include: ['test/bench/mount.figures.test.tsx'],
          testTimeout: 120_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: findChromium() ?? '/usr/bin/chromium', args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: findChromium() ?? '/usr/bin/chromium', args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
