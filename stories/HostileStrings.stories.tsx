import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { CheckoutSessionStatus } from '../src/components/CheckoutSessionStatus/CheckoutSessionStatus';
import { makeRefund, makeSession, mockSession, mockSessionError } from '../src/testing';
import { serve } from './support/scenario';
import { STORY_API, withCheckoutProviders } from './support/withCheckoutProviders';

declare global {
  interface Window {
    /** Set by any payload below that manages to run. It must stay unset. */
    __pwned?: unknown;
  }
}

/** What an attacker who controls an API string would try; each would set `window.__pwned`. */
const PAYLOADS = {
  img: '<img src=x onerror="window.__pwned=\'img\'">',
  script: '</script><script>window.__pwned="script"</script>',
  javascriptUrl: 'javascript:window.__pwned="url"',
  svg: '<svg onload="window.__pwned=\'svg\'"></svg>',
  iframe: '<iframe src="javascript:window.__pwned=\'iframe\'"></iframe>',
  bidi: '\u202Etxt.exe\u202C ORDER-1',
} as const;

const ACTIVE_ELEMENTS = 'img, script, svg, iframe, a, object, embed, link, style, form, input';

/**
 * Hostile strings in every text field the API sends, rendered by the real panel in Chromium.
 * Every payload must come out as text: no element created, nothing executed.
 */
const meta = {
  title: 'Reliability/Hostile strings',
  component: CheckoutSessionStatus,
  decorators: [withCheckoutProviders],
  tags: ['!autodocs'],
  // English unless changed in Controls: the plays read the panel's words.
  args: { sessionId: 'cs_hostile', pollInterval: 60_000, locale: 'en-US' },
} satisfies Meta<typeof CheckoutSessionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

const hostileSession = makeSession({
  id: PAYLOADS.script,
  orderReference: PAYLOADS.bidi,
  status: PAYLOADS.img,
  failureReason: PAYLOADS.svg,
  providerName: PAYLOADS.iframe,
  paymentMethod: PAYLOADS.javascriptUrl,
  refunds: [
    makeRefund({ id: PAYLOADS.img, status: PAYLOADS.script, reason: PAYLOADS.javascriptUrl, failureReason: PAYLOADS.bidi, currency: PAYLOADS.svg }),
    makeRefund({ reason: PAYLOADS.iframe, createdAt: PAYLOADS.img }),
  ],
});

/** Installs the trap before the story renders and records every active element added to the story. */
function trap(root: HTMLElement) {
  const added: string[] = [];
  delete window.__pwned;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) {
          if (node.matches(ACTIVE_ELEMENTS)) added.push(node.tagName);
          for (const inner of node.querySelectorAll(ACTIVE_ELEMENTS)) added.push(inner.tagName);
        }
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return { added, stop: () => observer.disconnect() };
}

/**
 * Parses `html` into a detached-then-attached <div> and resolves once its <img> has fired `error`
 * (or `load`): an event, not a delay, so a loaded machine only makes it later, never wrong. The
 * listener is added in the same task as the parse, before the image can settle, and after the
 * inline `onerror` attribute's handler, which therefore has run when this resolves.
 */
function imageSettled(html: string): Promise<void> {
  const host = document.createElement('div');
  host.innerHTML = html;
  const image = host.querySelector('img');
  if (!image) throw new Error(`no <img> in ${html}`);
  const settled = new Promise<void>((resolve) => {
    image.addEventListener('error', () => resolve(), { once: true });
    image.addEventListener('load', () => resolve(), { once: true });
  });
  document.body.append(host);
  return settled.finally(() => host.remove());
}

async function expectInert(canvasElement: HTMLElement, added: string[]) {
  // Had the render created an <img src=x onerror>, it would have fired before this image with
  // the same failing src, asked for after it, fires its own error.
  await imageSettled('<img src="x" alt="">');
  await expect(window.__pwned).toBeUndefined();
  await expect(added).toEqual([]);
  await expect(canvasElement.querySelectorAll(ACTIVE_ELEMENTS)).toHaveLength(0);
  for (const element of canvasElement.querySelectorAll('*')) {
    for (const { name } of element.attributes) await expect(name).not.toMatch(/^(on|href$|src$)/);
  }
}

let watch: ReturnType<typeof trap> | undefined;

export const HostileSession: Story = {
  beforeEach: (context) => {
    watch = trap(context.canvasElement);
    serve(() => [mockSession(hostileSession, { baseUrl: STORY_API })])(context);
    return () => watch?.stop();
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.rcs-badge')).not.toBeNull(), { timeout: 5_000 });
    // The payloads are there, as text.
    await expect(canvasElement.querySelector('.rcs-badge')?.getAttribute('data-status')).toBe(PAYLOADS.img);
    // The session's badge and each refund's.
    await expect(canvasElement.querySelectorAll('.rcs-badge').length).toBeGreaterThanOrEqual(3);
    await expect(canvasElement.textContent).toContain('onerror');
    await expectInert(canvasElement, watch!.added);

    // Control: the same payload parsed as HTML does spring the trap here, so the checks above
    // would have caught markup built from API strings.
    // Awaits the image's own error event, whatever the load on the machine, instead of polling
    // for the flag within waitFor's default second.
    try {
      await imageSettled(PAYLOADS.img);
      await expect(window.__pwned).toBe('img');
    } finally {
      delete window.__pwned;
    }
  },
};

export const HostileErrorEnvelope: Story = {
  args: { sessionId: 'cs_hostile_error', retry: false },
  beforeEach: (context) => {
    watch = trap(context.canvasElement);
    serve(() => [
      mockSessionError(500, {
        baseUrl: STORY_API,
        body: { error: PAYLOADS.script, message: PAYLOADS.img, code: PAYLOADS.svg, requestId: PAYLOADS.img },
      }),
    ])(context);
    return () => watch?.stop();
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 5_000 });
    // The request id is shown to the shopper as a support reference: as text.
    await expect(alert.textContent).toContain(PAYLOADS.img);
    await expectInert(canvasElement, watch!.added);
  },
};
