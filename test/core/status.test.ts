import { humanizeCode, isOlderAnswer, isTerminalStatus } from '../../src/core/status';
import { makeSession } from '../../src/testing/factories';

describe('isTerminalStatus', () => {
  it.each(['SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'REVERSED'])('treats %s as terminal', (status) => {
    expect(isTerminalStatus(status)).toBe(true);
  });

  it.each(['PENDING', 'AWAITING_CAPTURE', '', 'succeeded'])('keeps polling on %j', (status) => {
    expect(isTerminalStatus(status)).toBe(false);
  });

  it('treats a missing status as not terminal', () => {
    expect(isTerminalStatus(undefined)).toBe(false);
    expect(isTerminalStatus(null)).toBe(false);
  });
});

describe('humanizeCode', () => {
  it('turns an unknown code into words', () => {
    expect(humanizeCode('AWAITING_CAPTURE')).toBe('Awaiting capture');
  });

  it('never returns an empty string', () => {
    expect(humanizeCode('__')).toBe('Unknown');
  });
});

describe('isOlderAnswer', () => {
  it.each(['SUCCEEDED', 'FAILED', 'REFUNDED'])('calls a PENDING answer older than a session shown %s', (status) => {
    expect(isOlderAnswer(makeSession({ status: 'PENDING' }), makeSession({ status }))).toBe(true);
  });

  it('takes a settled answer, a refund, or a status it does not know over a settled session', () => {
    const settled = makeSession({ status: 'SUCCEEDED' });
    for (const status of ['SUCCEEDED', 'REFUNDED', 'DISPUTED']) expect(isOlderAnswer(makeSession({ status }), settled)).toBe(false);
  });

  it('takes any answer over a pending session, or over none', () => {
    expect(isOlderAnswer(makeSession({ status: 'PENDING' }), makeSession({ status: 'PENDING' }))).toBe(false);
    expect(isOlderAnswer(makeSession({ status: 'PENDING' }), undefined)).toBe(false);
  });
});
