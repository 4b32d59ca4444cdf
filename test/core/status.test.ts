import { humanizeCode, isTerminalStatus } from '../../src/core/status';

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
