export * from './data';
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
