import { afterEach, beforeEach, vi } from 'vitest';

// Every story must render without console errors (React warnings, failed props, uncaught
// MSW trouble): one fails the story's test, with what was logged.
let logged: string[] = [];

beforeEach(() => {
  logged = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (logged.length > 0) throw new Error(`console.error during the story:\n${logged.join('\n')}`);
});
