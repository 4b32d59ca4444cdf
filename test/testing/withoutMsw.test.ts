// As in a project that never installed the optional msw peer.
vi.mock('msw', () => {
  throw new Error('Cannot find package "msw"');
});

describe('react-checkout-session/testing/fixtures', () => {
  it('serves the factories and the example bodies without msw installed', async () => {
    const { makeSession, makeRefund, sessionFixtures } = await import('../../src/testing/data');
    expect(makeSession({ refunds: [makeRefund()] }).refunds).toHaveLength(1);
    expect(sessionFixtures.succeeded.status).toBe('SUCCEEDED');
  });

  it('is where to turn: the /testing entry itself needs msw for its handler builders', async () => {
    // Vitest wraps a failing mock factory's error; ours is its cause.
    await expect(import('../../src/testing')).rejects.toMatchObject({ cause: { message: 'Cannot find package "msw"' } });
  });
});
