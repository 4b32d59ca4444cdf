import type { PageVisibility } from '../../src/core/tabElection';

// Fakes of what tabs share in a browser, for tests in jsdom: a Web Locks manager (one lock per
// name, granted in request order, `ifAvailable` and `signal` honoured, `query()` listing the
// held and the queued) and a page's visibility.

type Grant = (lock: Lock | null) => unknown;

interface Waiter {
  name: string;
  grant: Grant;
  settle: (value: unknown) => void;
}

export function fakeLockManager(): LockManager {
  const holders = new Set<string>();
  const queues = new Map<string, Waiter[]>();

  const run = (name: string, waiter: Waiter) => {
    holders.add(name);
    void Promise.resolve(waiter.grant({ name, mode: 'exclusive' } as Lock)).then((value) => {
      holders.delete(name);
      waiter.settle(value);
      const next = queues.get(name)?.shift();
      if (next) run(name, next);
    });
  };

  const request = (name: string, options: LockOptions | Grant, maybeGrant?: Grant) => {
    const grant = (typeof options === 'function' ? options : maybeGrant) as Grant;
    const { ifAvailable, signal } = typeof options === 'function' ? ({} as LockOptions) : options;
    return new Promise((resolve, reject) => {
      if (holders.has(name) && ifAvailable) {
        resolve(grant(null));
        return;
      }
      const waiter: Waiter = { name, grant, settle: resolve };
      if (!holders.has(name)) {
        run(name, waiter);
        return;
      }
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      queue.push(waiter);
      signal?.addEventListener('abort', () => {
        const index = queue.indexOf(waiter);
        if (index === -1) return;
        queue.splice(index, 1);
        reject(signal.reason);
      });
    });
  };
  const query = async (): Promise<LockManagerSnapshot> => ({
    held: [...holders].map((name) => ({ name, mode: 'exclusive' })),
    pending: [...queues.values()].flat().map(({ name }) => ({ name, mode: 'exclusive' })),
  });
  return { request, query } as unknown as LockManager;
}

export interface FakeVisibility extends PageVisibility {
  set(visible: boolean): void;
}

export function fakeVisibility(visible = true): FakeVisibility {
  const listeners = new Set<(visible: boolean) => void>();
  let current = visible;
  return {
    isVisible: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      current = next;
      for (const listener of listeners) listener(next);
    },
  };
}
