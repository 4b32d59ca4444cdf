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
