// @vitest-environment node
import ts from 'typescript';
import packageJson from '../../package.json' with { type: 'json' };

// The public API reference promises an example for every export. Reading the source, not
// dist/, keeps the check independent of a build, and the entries are those vite.config.ts
// builds, so an entry point added to package.json's exports is a failing test until listed.
const ENTRY_POINTS: Record<string, string> = {
  '.': 'src/index.ts',
  './testing': 'src/testing/index.ts',
  './testing/fixtures': 'src/testing/data.ts',
};

function hasExample(declaration: ts.Declaration): boolean {
  return ts.getJSDocTags(declaration).some((tag) => {
    if (tag.tagName.text !== 'example') return false;
    const text = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
    return (text ?? '').trim() !== '';
  });
}

/** Per entry point, the exports none of whose declarations has a non-empty `@example`. */
function exportsWithoutExample(): Record<string, string[]> {
  // Only declarations and their doc comments are read: no lib, no type checking of bodies.
  const program = ts.createProgram(Object.values(ENTRY_POINTS), {
    noLib: true,
    types: [],
    jsx: ts.JsxEmit.ReactJSX,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const missing: Record<string, string[]> = {};
  for (const [entry, file] of Object.entries(ENTRY_POINTS)) {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${file} is not a module`);
    missing[entry] = checker
      .getExportsOfModule(module)
      .filter((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return !(target.declarations ?? []).some(hasExample);
      })
      .map((symbol) => symbol.name)
      .sort();
  }
  return missing;
}

describe('public API documentation', () => {
  it('checks every entry point that package.json exports, except the stylesheet and package.json', () => {
    const exported = Object.keys(packageJson.exports).filter((path) => !/\.(css|json)$/.test(path));
    expect(exported.sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
  });

  it('gives every export of every entry point an @example in its TSDoc', () => {
    const missing = exportsWithoutExample();
    expect(missing).toEqual(Object.fromEntries(Object.keys(ENTRY_POINTS).map((entry) => [entry, []])));
  });
});
