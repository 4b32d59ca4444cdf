import axe from 'axe-core';

/** Runs axe on a rendered tree; jsdom computes no colours, so contrast is checked in Chromium (stories). */
export async function axeViolations(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target) }));
}

/** API strings that must come out as inert text. */
export const HOSTILE_STRINGS = {
  html: '<img src=x onerror=alert(1)>',
  script: '</script><script>alert(1)</script>',
  rtlOverride: '\u202Eevil\u202C',
  long: 'A'.repeat(10_000),
} as const;
