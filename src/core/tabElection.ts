/**
 * `'leader'`: this tab holds the session's lock and polls for every tab. `'follower'`: another
 * tab does (or, while this one is hidden, will once one is shown), so this one asks nothing.
 */
export type TabRole = 'leader' | 'follower';

/** Whether the page is shown, and word when that changes (React Query's focusManager fits). */
export interface PageVisibility {
  isVisible(): boolean;
  subscribe(listener: (visible: boolean) => void): () => void;
}

const noop = (): void => undefined;

/**
 * Takes part in electing the one tab that polls a session: while this page is visible it asks
 * for the Web Lock `lockName`, and holds it until it is hidden or leaves. The browser grants a
 * lock to one tab at a time and takes it back from a tab that closes or crashes, so the next
 * visible tab in the queue takes over by itself; a hidden tab is in no queue, so when every
 * tab is hidden, none leads. Returns how to leave, which releases the lock or the place in the
 * queue.
 *
 * @example
 * const leave = electTab(navigator.locks, `sessions ${sessionId}`, visibility, (role) => (polling = role === 'leader'));
 */
export function electTab(locks: LockManager, lockName: string, visibility: PageVisibility, onRole: (role: TabRole) => void): () => void {
  let stopStanding = noop;
  let role: TabRole | undefined;
  const become = (next: TabRole) => {
    if (next === role) return;
    role = next;
    onRole(next);
  };

  const stand = () => {
    const controller = new AbortController();
    let release: () => void = noop;
    // Granted after this tab left or was hidden: let go at once.
    const hold = () =>
      controller.signal.aborted
        ? undefined
        : new Promise<void>((resolve) => {
            release = resolve;
            become('leader');
          });
    // Asked first without queueing, so that a tab which is not granted the lock at once knows
    // that another tab leads, and stops asking before its first poll would go out.
    locks
      .request(lockName, { ifAvailable: true }, (lock) => {
        if (lock) return hold();
        if (controller.signal.aborted) return undefined;
        become('follower');
        locks.request(lockName, { signal: controller.signal }, hold).catch(noop);
        return undefined;
      })
      .catch(noop);
    stopStanding = () => {
      controller.abort();
      release();
    };
  };

  let shown: boolean | undefined;
  const onVisibility = (visible: boolean) => {
    // Visibility listeners may be told the same state twice; standing again would lose the lock.
    if (visible === shown) return;
    shown = visible;
    stopStanding();
    stopStanding = noop;
    if (visible) stand();
    else become('follower');
  };
  const unsubscribe = visibility.subscribe(onVisibility);
  onVisibility(visibility.isVisible());
  return () => {
    unsubscribe();
    stopStanding();
  };
}
