import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Vitest runs from the package root; jsdom's URL cannot stand in for a file URL here.
const css = readFileSync(join(process.cwd(), 'src/styles.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** The body of the first rule whose selector list matches, braces balanced. */
function block(source: string, opening: RegExp): string {
  const start = source.search(opening);
  if (start === -1) throw new Error(`No block for ${opening}`);
  let depth = 0;
  for (let index = source.indexOf('{', start); index < source.length; index += 1) {
    if (source[index] === '{') depth += 1;
    if (source[index] === '}' && --depth === 0) return source.slice(source.indexOf('{', start) + 1, index);
  }
  throw new Error(`Unbalanced block for ${opening}`);
}

const definedIn = (source: string) => [...new Set(Array.from(source.matchAll(/(--rcs-[\w-]+)\s*:/g), (match) => match[1]))].sort();
const declarations = (source: string) =>
  Object.fromEntries(Array.from(source.matchAll(/(--rcs-[\w-]+)\s*:\s*([^;]+);/g), (match) => [match[1], match[2]?.trim()]));

const light = block(css, /:root,\s*\[data-theme='light'\]\s*\{/);
const darkMedia = block(css, /@media \(prefers-color-scheme: dark\)\s*\{/);
const darkAttribute = block(css, /\n\[data-theme='dark'\]\s*\{/);

describe('styles.css', () => {
  it('defines every --rcs- variable it uses', () => {
    const used = new Set(Array.from(css.matchAll(/var\((--rcs-[\w-]+)/g), (match) => match[1]));
    const defined = new Set(definedIn(css));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('gives the same dark values under prefers-color-scheme and [data-theme="dark"]', () => {
    expect(declarations(darkMedia)).toEqual(declarations(darkAttribute));
    expect(darkMedia).toContain(':root:not([data-theme=\'light\'])');
  });

  it('has a dark value for every colour of the light theme', () => {
    const colours = definedIn(light).filter((name) => /^#/.test(declarations(light)[name!] ?? ''));
    expect(definedIn(darkAttribute)).toEqual(colours);
  });

  it('keeps its theme variables stable (light)', () => {
    expect(definedIn(light)).toMatchInlineSnapshot(`
      [
        "--rcs-badge-font-size",
        "--rcs-badge-font-size-sm",
        "--rcs-button-bg",
        "--rcs-button-bg-hover",
        "--rcs-button-fg",
        "--rcs-color-border",
        "--rcs-color-fg",
        "--rcs-color-fg-muted",
        "--rcs-color-focus",
        "--rcs-color-surface",
        "--rcs-error-bg",
        "--rcs-error-border",
        "--rcs-error-fg",
        "--rcs-font-family",
        "--rcs-font-size",
        "--rcs-font-size-sm",
        "--rcs-radius",
        "--rcs-radius-pill",
        "--rcs-space-1",
        "--rcs-space-2",
        "--rcs-space-3",
        "--rcs-tone-attention-bg",
        "--rcs-tone-attention-fg",
        "--rcs-tone-critical-bg",
        "--rcs-tone-critical-fg",
        "--rcs-tone-highlight-bg",
        "--rcs-tone-highlight-fg",
        "--rcs-tone-info-bg",
        "--rcs-tone-info-fg",
        "--rcs-tone-neutral-bg",
        "--rcs-tone-neutral-fg",
        "--rcs-tone-progress-bg",
        "--rcs-tone-progress-fg",
        "--rcs-tone-success-bg",
        "--rcs-tone-success-fg",
      ]
    `);
  });

  it('keeps its theme variables stable (dark)', () => {
    expect(declarations(darkAttribute)).toMatchInlineSnapshot(`
      {
        "--rcs-button-bg": "#4493f8",
        "--rcs-button-bg-hover": "#79c0ff",
        "--rcs-button-fg": "#0d1117",
        "--rcs-color-border": "#3d444d",
        "--rcs-color-fg": "#f0f6fc",
        "--rcs-color-fg-muted": "#9198a1",
        "--rcs-color-focus": "#4493f8",
        "--rcs-color-surface": "#0d1117",
        "--rcs-error-bg": "#3c0c10",
        "--rcs-error-border": "#da3633",
        "--rcs-error-fg": "#ffa198",
        "--rcs-tone-attention-bg": "#341a00",
        "--rcs-tone-attention-fg": "#f2cc60",
        "--rcs-tone-critical-bg": "#3c0c10",
        "--rcs-tone-critical-fg": "#ffa198",
        "--rcs-tone-highlight-bg": "#2e1a52",
        "--rcs-tone-highlight-fg": "#d2a8ff",
        "--rcs-tone-info-bg": "#042a29",
        "--rcs-tone-info-fg": "#7ddcd3",
        "--rcs-tone-neutral-bg": "#212830",
        "--rcs-tone-neutral-fg": "#d1d7e0",
        "--rcs-tone-progress-bg": "#0c2d6b",
        "--rcs-tone-progress-fg": "#a5d6ff",
        "--rcs-tone-success-bg": "#04260f",
        "--rcs-tone-success-fg": "#7ee787",
      }
    `);
  });

  it('uses only logical properties, so right-to-left needs nothing extra', () => {
    // Physical properties (margin-left, right: …) or physical values (text-align: left, float: right).
    const physical = css.match(/(^|[\s;{])((margin|padding|border)-(left|right)[\w-]*|left|right)\s*:|:\s*(left|right)\b/gm);
    expect(physical).toBeNull();
  });

  it('stops the pulsing dot for readers who ask for reduced motion', () => {
    expect(block(css, /@media \(prefers-reduced-motion: reduce\)\s*\{/)).toMatch(/animation:\s*none/);
  });
});
