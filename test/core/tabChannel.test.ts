import { CheckoutApiError } from '../../src/core/errors';
import { listenToTabs, tabScope, tellTabs, type TabNews } from '../../src/core/tabChannel';
import { makeSession } from '../../src/testing/factories';

const SOURCE = { sessionsUrl: 'https://api.example.com/api/v1/sessions/', token: 'header.payload.signature' };

/** The news the listener of one session gets, once the channel delivered it. */
function nextNews(scope: string, sessionId: string): Promise<TabNews> {
  return new Promise((resolve) => {
    const stop = listenToTabs(scope, sessionId, (news) => {
      stop();
      resolve(news);
    });
  });
}

/** Another tab's end of the scope's channel: BroadcastChannel does not deliver to its sender. */
async function fromAnotherTab(scope: string, send: (channel: BroadcastChannel) => void) {
  const channel = new BroadcastChannel(scope);
  send(channel);
  channel.close();
}

/** The next message another tab's end of the scope's channel receives. */
function nextMessageInAnotherTab(scope: string): Promise<unknown> {
  return new Promise((resolve) => {
    const channel = new BroadcastChannel(scope);
    channel.onmessage = (event) => {
      channel.close();
      resolve(event.data);
    };
  });
}

describe('tabScope', () => {
  it('differs for another token or another API, and holds neither token nor prefix', async () => {
    const scope = await tabScope(SOURCE);
    expect(scope).not.toContain(SOURCE.token);
    expect(await tabScope({ ...SOURCE, token: 'other.user.token' })).not.toBe(scope);
    expect(await tabScope({ ...SOURCE, sessionsUrl: 'https://eu.example.com/api/v1/sessions/' })).not.toBe(scope);
    expect(await tabScope({ ...SOURCE, token: () => `Bearer ${SOURCE.token}` })).toBe(scope);
  });

  it('is undefined without a usable token, so that tab polls alone', async () => {
    expect(await tabScope({ ...SOURCE, token: () => '' })).toBeUndefined();
  });
});

describe('listenToTabs', () => {
  it("hands a session another tab got to that session's listeners, parsed again", async () => {
    const session = makeSession({ id: 'cs_1', status: 'SUCCEEDED' });
    const received = nextNews('scope-a', 'cs_1');
    await fromAnotherTab('scope-a', (channel) => channel.postMessage({ sessionId: 'cs_1', session }));
    expect(await received).toEqual({ session });
  });

  it('rebuilds an error as a CheckoutApiError with its kind, status and request id', async () => {
    const received = nextNews('scope-b', 'cs_1');
    await fromAnotherTab('scope-b', (channel) =>
      channel.postMessage({ sessionId: 'cs_1', error: { kind: 'not_found', message: 'Gone', status: 404, requestId: 'req_1' } }),
    );
    const news = await received;
    const error = 'error' in news ? news.error : undefined;
    expect(error).toBeInstanceOf(CheckoutApiError);
    expect(error).toMatchObject({ kind: 'not_found', status: 404, requestId: 'req_1', retryable: false, message: 'Gone' });
  });

  it('drops a message that does not parse and hands on the next one that does', async () => {
    const session = makeSession({ id: 'cs_1' });
    const received = nextNews('scope-c', 'cs_1');
    await fromAnotherTab('scope-c', (channel) => {
      channel.postMessage({ sessionId: 'cs_1', session: { ...session, status: 42 } });
      channel.postMessage({ sessionId: 'cs_1', error: { kind: 'unknown_kind', message: 'x' } });
      channel.postMessage({ sessionId: 'cs_1', session });
    });
    expect(await received).toEqual({ session });
  });

  it("hands on another tab's ask for the latest answer", async () => {
    const received = nextNews('scope-e', 'cs_1');
    await fromAnotherTab('scope-e', (channel) => channel.postMessage({ sessionId: 'cs_1', ask: true }));
    expect(await received).toEqual({ ask: true });
  });

  it("wakes only the listeners of the message's session", async () => {
    const other = vi.fn();
    const stopOther = listenToTabs('scope-d', 'cs_2', other);
    const received = nextNews('scope-d', 'cs_1');
    await fromAnotherTab('scope-d', (channel) => channel.postMessage({ sessionId: 'cs_1', session: makeSession({ id: 'cs_1' }) }));
    await received;
    stopOther();
    expect(other).not.toHaveBeenCalled();
  });
});

/** What another tab receives when this one, listening in the scope, tells `news` about cs_1. */
async function sentToAnotherTab(news: TabNews): Promise<unknown> {
  const scope = (await tabScope(SOURCE)) as string;
  const stop = listenToTabs(scope, 'cs_1', () => undefined);
  try {
    const seen = nextMessageInAnotherTab(scope);
    tellTabs(scope, 'cs_1', news);
    return await seen;
  } finally {
    stop();
  }
}

describe('tellTabs', () => {
  it('sends an error whose fields do not parse as nothing another tab takes, without throwing', async () => {
    const unparsable = new CheckoutApiError({ kind: 'server', message: 'Down', status: Number.NaN });
    await expect(sentToAnotherTab({ error: unparsable })).resolves.toEqual({ sessionId: 'cs_1', error: undefined });
  });

  it('sends an ask with nothing but the session id', async () => {
    expect(await sentToAnotherTab({ ask: true })).toEqual({ sessionId: 'cs_1', ask: true });
  });

  it('sends the error without its cause, and never the token', async () => {
    const message = await sentToAnotherTab({
      error: new CheckoutApiError({ kind: 'server', message: 'Down', status: 502, cause: new Error(SOURCE.token) }),
    });
    expect(message).toMatchObject({ sessionId: 'cs_1', error: { kind: 'server', status: 502 } });
    expect(JSON.stringify(message)).not.toContain(SOURCE.token);
  });
});
