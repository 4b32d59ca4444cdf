// The test data alone, without MSW: `react-checkout-session/testing/fixtures`, for tests that
// mock the network some other way, or not at all, and have no msw installed.
export { makeSession, makeRefund } from './factories';
export type { Overrides } from './factories';
export { sessionFixtures, mixedCurrencyRefunds, errorFixtures } from './fixtures';
export type { ErrorFixtureStatus } from './fixtures';
