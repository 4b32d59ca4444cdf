import { cleanup } from '@testing-library/react';
import fc from 'fast-check';
import { CheckoutSessionStatus } from '../../src/components/CheckoutSessionStatus/CheckoutSessionStatus';
import { createCheckoutClient } from '../../src/core/client';
import { CheckoutApiError } from '../../src/core/errors';
import { checkoutSessionSchema } from '../../src/core/schema';
import { checkoutSessionKeys } from '../../src/react/queryOptions';
import { makeRefund, makeSession } from '../../src/testing';
import { HOSTILE_STRINGS } from '../components/support';
import { makeQueryClient, makeTestClient, renderWithClient } from '../support/renderWithClient';

// Runs per property: 300 for the pure ones; rendering costs ~25 ms a run in jsdom, so 100 there.
const runs = { numRuns: 300 };
const renderRuns = { numRuns: 100 };

/** A fetch that answers every request with `body` and records the URLs it was asked for. */
function answering(body: string) {
  const urls: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    urls.push(String(input));
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { urls, fetch };
}

async function outcome(promise: Promise<unknown>) {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

// Strings an attacker, a buggy backend or a fuzzer would send: any UTF-16 (lone surrogates
// included), URL and HTML metacharacters, and the classic payloads.
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('/', '.', '%', '2', 'e', 'f', '?', '#', '\\', ':', '@', ' ', '<', '>', '"', "'", '&', '\n', '\u202E'), maxLength: 12 }),
  fc.constantFrom(
    ...Object.values(HOSTILE_STRINGS),
    '//evil.example/x',
    'https://evil.example',
    'javascript:alert(1)',
    '<a href="javascript:alert(1)">x</a>',
    '"><svg onload=alert(1)>',
    '{{constructor.constructor("alert(1)")()}}',
    '__proto__',
    '.',
    '..',
    '%2e%2e',
  ),
);

describe('property: any JSON body', () => {
  // Mostly near-misses of a real session (any JSON in any field), so both outcomes are common.
  const nearSession = fc
    .dictionary(
      fc.constantFrom(...Object.keys(makeSession()), 'refunds', 'extra'),
      fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 }), fc.constant(null)),
    )
    .map((fields) => ({ ...makeSession(), ...fields }));
  const anyBody = fc.oneof(fc.jsonValue(), nearSession);

  it('parses to a session or fails as a CheckoutApiError of kind invalid_response, never anything else', async () => {
    const seen = { parsed: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const { fetch } = answering(JSON.stringify(body));
        const result = await outcome(createCheckoutClient({ baseUrl: 'https://api.test', token: 't', fetch }).getSession('cs_1'));
        if (result.ok) {
          seen.parsed += 1;
          expect(result.value).toEqual(checkoutSessionSchema.parse(body));
        } else {
          seen.rejected += 1;
          expect(result.error).toBeInstanceOf(CheckoutApiError);
          expect(result.error).toMatchObject({ kind: 'invalid_response', status: 200, retryable: false });
        }
      }),
      runs,
    );
    expect(seen.parsed).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
  });
});

describe('property: any string as a session id', () => {
  const baseUrls = fc.constantFrom('https://api.test', 'https://api.test/', 'https://api.test/payments/');

  it('becomes exactly one encoded path segment under the base URL, or is refused with no request', async () => {
    await fc.assert(
      fc.asyncProperty(baseUrls, hostileString, async (baseUrl, sessionId) => {
        const { urls, fetch } = answering(JSON.stringify(makeSession({ id: 'cs_1' })));
        const result = await outcome(createCheckoutClient({ baseUrl, token: 't', fetch }).getSession(sessionId));
        if (!result.ok) {
          expect(result.error).toMatchObject({ kind: 'invalid_request' });
          expect(urls).toEqual([]);
          return;
        }
        expect(urls).toHaveLength(1);
        const url = urls[0]!;
        const prefix = `${baseUrl.replace(/\/+$/, '')}/api/v1/sessions/`;
        expect(url.startsWith(prefix)).toBe(true);
        const segment = url.slice(prefix.length);
        expect(segment).not.toMatch(/[/?#\\]/);
        expect(decodeURIComponent(segment)).toBe(sessionId);
        // The URL parser reads it back unchanged: same origin, same path, nothing collapsed.
        const parsed = new URL(url);
        expect(parsed.origin).toBe('https://api.test');
        expect(parsed.href).toBe(url);
      }),
      runs,
    );
  });
});

describe('property: any strings in the API text fields', () => {
  // Everything the panel itself renders; an <img>, <script>, <a> or <svg> could only come from the data.
  const ALLOWED_TAGS = new Set([
    ...['SECTION', 'DIV', 'P', 'SPAN', 'H2', 'TIME', 'BUTTON', 'UL', 'LI', 'DL', 'DT', 'DD'],
    ...['TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD'],
  ]);
  const ALLOWED_ATTRIBUTES = /^(class|style|role|type|scope|datetime|aria-[a-z]+|data-(status|tone|size|kind|empty))$/;

  const refund = fc
    .record({ id: hostileString, currency: hostileString, status: hostileString, reason: hostileString, failureReason: hostileString, createdAt: hostileString })
    .map((fields) => makeRefund({ ...fields, currency: fields.currency || 'USD' }));
  const session = fc
    .record({
      id: hostileString,
      orderReference: hostileString,
      status: hostileString,
      failureReason: hostileString,
      providerName: hostileString,
      paymentMethod: hostileString,
      refunds: fc.array(refund, { maxLength: 3 }),
    })
    .map((fields) => makeSession(fields));

  it('render as text: no element, attribute or URL comes from them', async () => {
    await fc.assert(
      fc.asyncProperty(session, async (data) => {
        const queryClient = makeQueryClient();
        queryClient.setQueryData(checkoutSessionKeys.detail('cs_1'), data);
        const { container } = renderWithClient(<CheckoutSessionStatus sessionId="cs_1" enabled={false} locale="en-US" />, {
          queryClient,
          client: makeTestClient(),
        });
        try {
          for (const element of container.querySelectorAll('*')) {
            expect(ALLOWED_TAGS).toContain(element.tagName);
            for (const { name, value } of element.attributes) {
              // No href, src or on* can exist; the one place a URL could still hide is CSS.
              expect(name).toMatch(ALLOWED_ATTRIBUTES);
              if (name === 'style') expect(value).not.toMatch(/url\(|expression\(/i);
            }
          }
          // The badge's text is the status in words, its attribute the status as sent: inert either way.
          expect(container.querySelector('.rcs-badge')?.getAttribute('data-status')).toBe(data.status);
        } finally {
          cleanup();
        }
      }),
      renderRuns,
    );
  }, 20_000);
});
