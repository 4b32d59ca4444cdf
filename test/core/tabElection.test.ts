import { electTab, type TabRole } from '../../src/core/tabElection';
import { fakeLockManager, fakeVisibility } from '../support/fakeTabs';

const LOCK = 'react-checkout-session https://api.example.com/api/v1/sessions/ 0123 cs_1';

/** A tab taking part in the election, with the roles it was given so far. */
function tab(locks: LockManager, visible = true) {
  const roles: TabRole[] = [];
  const visibility = fakeVisibility(visible);
  const leave = electTab(locks, LOCK, visibility, (role) => roles.push(role));
  return { roles, visibility, leave, role: () => roles.at(-1) };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

type Tab = ReturnType<typeof tab>;

/** Visible tabs on one lock manager: the first takes the lead, then the others queue in order. */
async function electedTabs(count: 2): Promise<[Tab, Tab]>;
async function electedTabs(count: 3): Promise<[Tab, Tab, Tab]>;
async function electedTabs(count: number): Promise<Tab[]> {
  const locks = fakeLockManager();
  const first = tab(locks);
  await settled();
  const queued = Array.from({ length: count - 1 }, () => tab(locks));
  await settled();
  return [first, ...queued];
}

describe('electTab', () => {
  it('makes the first visible tab the leader and the next ones followers', async () => {
    const [first, second, third] = await electedTabs(3);
    expect([first.role(), second.role(), third.role()]).toEqual(['leader', 'follower', 'follower']);
  });

  it('hands the lead to the tab that queued next when the leader leaves', async () => {
    const [first, second, third] = await electedTabs(3);
    first.leave();
    await settled();
    expect([second.role(), third.role()]).toEqual(['leader', 'follower']);
  });

  it('lets go of the lead when its page is hidden, and queues again behind the new leader when shown', async () => {
    const [first, second] = await electedTabs(2);
    first.visibility.set(false);
    await settled();
    expect([first.role(), second.role()]).toEqual(['follower', 'leader']);
    first.visibility.set(true);
    await settled();
    expect([first.role(), second.role()]).toEqual(['follower', 'leader']);
  });

  it('has no leader while every tab is hidden, and the first tab shown leads', async () => {
    const locks = fakeLockManager();
    const first = tab(locks, false);
    const second = tab(locks, false);
    await settled();
    expect([first.role(), second.role()]).toEqual(['follower', 'follower']);
    second.visibility.set(true);
    await settled();
    expect([first.role(), second.role()]).toEqual(['follower', 'leader']);
  });

  it('does not stand again, losing its place, when told twice that its page is visible', async () => {
    const [first, second] = await electedTabs(2);
    first.visibility.set(true);
    await settled();
    expect(first.roles).toEqual(['leader']);
    expect(second.role()).toBe('follower');
  });

  it('gives up its place in the queue when it leaves, so it never leads afterwards', async () => {
    const [first, second] = await electedTabs(2);
    second.leave();
    first.leave();
    await settled();
    expect(second.roles).toEqual(['follower']);
  });
});
