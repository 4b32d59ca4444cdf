import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy* and waitFor return as soon as their condition holds; under real timers their ceiling
// only decides how long a failure takes to report. The default second is too short for an MSW
// round trip plus a render on a machine running both test projects at once.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});

// The code that spreads a busy page's polls is loaded by import() when a page first watches more
// than 16 sessions. Loaded here first, as a page that has loaded it once: the import then settles
// within the microtasks that fake timers run, whatever the machine's load.
await import('../src/react/spreadPolls');
