import type * as SpreadPolls from '../react/spreadPolls';

/**
 * How the code that spreads a busy page's polls over each period is loaded: by `import()`,
 * when a page first watches more than 16 sessions. `createCheckoutClient` and
 * `useCheckoutSessions` make it loadable, so it stays out of the code a shopper's page loads
 * with `useCheckoutSession`: without either, polls keep their plain cadence.
 */
export const pollSpreading: { load?: () => Promise<typeof SpreadPolls> } = {};

export function allowPollSpreading() {
  pollSpreading.load ??= () => import('../react/spreadPolls');
}
