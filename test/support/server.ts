import { setupServer } from 'msw/node';

/** The base URL every test client talks to; MSW answers it in-process. */
export const TEST_API = 'https://api.test';
export const TEST_TOKEN = 'test-token-3f9a';

/** An MSW server for one test file, failing any request no handler answers. */
export function setupMswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
