// Vite resolves `import 'node:…'` as a browser would under NODE_ENV=production: Node's own
// modules are taken from Node directly.
const { readFileSync } = process.getBuiltinModule('node:fs');

/**
 * Nanoseconds the calling thread has run on a core (Linux's schedstat), or undefined elsewhere:
 * unlike event-loop time it leaves out the moments the thread waited for a core, and unlike the
 * process's CPU time it leaves out V8's helper threads.
 */
export function threadRunNs(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}
