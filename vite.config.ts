/// <reference types="vitest/config" />
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { copyFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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
      entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', 'testing-fixtures': 'src/testing/data.ts' },
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
    // Vitest leaves a core for itself by default, which on a two-core CI machine means one
    // worker; the main process mostly waits, so two workers nearly halve the suite's time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Above the sum of a test's waits, each up to test/setup.ts's 5 s asyncUtilTimeout: vitest's
    // default of 5 s timed out a cross-tab test of several real-time waits on a loaded CI
    // machine (3 December 2026) though none of them failed. A failing wait still reports its own message.
    testTimeout: 30_000,
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
        // The same jsdom suites on the oldest peers the kit supports, React 18.2 and React Query
        // 5.100, really loaded from their own install in test/react18 (react-dom@18 peers
        // react@18, which cannot sit beside React 19 in the root tree). Node resolves react-dom's
        // own require('react') there too; the libraries that import React are inlined so that
        // they get these aliases instead of the root's React 19.
        extends: true,
        resolve: {
          alias: [
            { find: /^react(\/.*)?$/, replacement: `${import.meta.dirname}/test/react18/node_modules/react$1` },
            { find: /^react-dom(\/.*)?$/, replacement: `${import.meta.dirname}/test/react18/node_modules/react-dom$1` },
            { find: /^@tanstack\/react-query(\/.*)?$/, replacement: `${import.meta.dirname}/test/react18/node_modules/@tanstack/react-query$1` },
            // Its `main` is CommonJS, whose require('react-dom') no alias reaches: take its ES build.
            {
              find: /^@testing-library\/react$/,
              replacement: `${import.meta.dirname}/node_modules/@testing-library/react/dist/@testing-library/react.esm.js`,
            },
          ],
        },
        test: {
          name: 'unit-react18',
          environment: 'jsdom',
          globals: true,
          include: ['test/{core,react,components,i18n,reliability}/**/*.test.{ts,tsx}'],
          // The soak measures the kit, not React: once, in `unit`, is enough for its ~30 s.
          exclude: ['test/reliability/soak.test.tsx'],
          setupFiles: ['test/setup.ts'],
          // React 18.2 and React Query 5.100, and every renderWithClient in StrictMode (the unit project covers the plain mount).
          env: { EXPECTED_REACT_MAJOR: '18', RENDER_STRICT: '1' },
          server: { deps: { inline: ['@tanstack/react-query', /@testing-library\/react/] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          environment: 'jsdom',
          globals: true,
          include: ['test/bench/polling.figures.test.tsx', 'test/bench/dashboard-rows.figures.test.tsx', 'test/bench/scheduling.figures.test.tsx'],
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
          name: 'bench-scale',
          environment: 'jsdom',
          globals: true,
          include: ['test/bench/dashboard-scale.figures.test.tsx'],
          // Run with NODE_ENV=production (npm run bench does), like bench-jsdom: main-thread time
          // is measured on React's production build. Real timers, real periods: about 21 minutes
          // (1,251 s on 3 December 2026: twenty periods at 100 sessions, five rounds up to 3,000).
          testTimeout: 120_000,
          hookTimeout: 400_000,
          // V8's memory reducer starts a full collection of an idle-looking heap about 8 s after
          // the last one: after the collection the bench forces before each window, so it landed
          // inside the windows of the lightest boards, by chance (--trace-gc, 3 December 2026: two
          // "Mark-Compact (reduce)" of 60-110 ms in one 100-session window, 28 ms per period
          // against 10-13 in the windows around it). Collections that allocation calls for stay.
          execArgv: ['--no-memory-reducer'],
        },
      },
      {
        extends: true,
        test: {
          // A project of its own, run before bench-scale: in one project the two files ran side by
          // side whatever --maxWorkers said, and this one's minute of busy CPU landed in the scale
          // table's first rounds at 100 sessions (raw's round then 28 ms, the next ones 12-14).
          name: 'bench-data-layer',
          environment: 'jsdom',
          globals: true,
          include: ['test/bench/data-layer.figures.test.ts'],
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
          setupFiles: ['test/support/failOnConsoleErrors.ts'],
          // Above the longest wait a story's play function has (the 1,000-session one, 60 s).
          testTimeout: 90_000,
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
