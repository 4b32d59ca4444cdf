export { makeSession, makeRefund } from './factories';
export { sessionFixtures, mixedCurrencyRefunds, errorFixtures } from './fixtures';
export type { ErrorFixtureStatus } from './fixtures';
export {
  mockSessionEndpoint,
  mockSession,
  mockSessionSequence,
  mockSessionError,
  mockNetworkError,
  mockNonJson,
  sessionResponse,
  errorResponse,
  networkError,
  nonJsonResponse,
  withLatency,
} from './handlers';
export type {
  SessionAnswer,
  SessionHandlerOptions,
  SessionRequestInfo,
  SessionResponder,
  ErrorResponseOptions,
} from './handlers';
