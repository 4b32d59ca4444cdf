// @vitest-environment node
import { readdirSync } from 'node:fs';
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

/** Per entry point, every export's name and whether one of its declarations has a non-empty `@example`. */
function exportedDeclarations(): Record<string, Array<{ name: string; example: boolean }>> {
  // Only the kit's own sources, only their declarations and doc comments: no lib, no
  // dependencies' types (react, zod), no type checking. About a second, most of it loading
  // TypeScript, where following imports into node_modules took several.
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => `src/${file}`);
  const program = ts.createProgram(files, {
    noLib: true,
    noResolve: true,
    types: [],
    jsx: ts.JsxEmit.ReactJSX,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  // A re-export that did not resolve would drop its names silently, and pass.
  for (const source of program.getSourceFiles()) {
    for (const statement of source.statements) {
      const specifier = ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
      if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.') && !checker.getSymbolAtLocation(specifier)) {
        throw new Error(`${source.fileName}: cannot follow the re-export from '${specifier.text}'`);
      }
    }
  }
  const exported: Record<string, Array<{ name: string; example: boolean }>> = {};
  for (const [entry, file] of Object.entries(ENTRY_POINTS)) {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${file} is not a module`);
    exported[entry] = checker.getExportsOfModule(module).map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return { name: symbol.name, example: (target.declarations ?? []).some(hasExample) };
    });
  }
  return exported;
}

describe('public API documentation', () => {
  it('checks every entry point that package.json exports, except the stylesheet and package.json', () => {
    const exported = Object.keys(packageJson.exports).filter((path) => !/\.(css|json)$/.test(path));
    expect(exported.sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
  });

  // A ceiling for a loaded machine, where parsing the sources takes several times its second.
  it('gives every export of every entry point an @example in its TSDoc', { timeout: 60_000 }, () => {
    const exported = exportedDeclarations();
    // Names from each entry, so that an entry read as empty cannot pass.
    expect(exported['.']?.map(({ name }) => name)).toEqual(expect.arrayContaining(['useCheckoutSession', 'CheckoutSession']));
    expect(exported['./testing']?.map(({ name }) => name)).toEqual(expect.arrayContaining(['mockSession', 'makeSession']));
    expect(exported['./testing/fixtures']?.map(({ name }) => name)).toEqual(expect.arrayContaining(['makeSession', 'Overrides']));
    const withoutExample = Object.fromEntries(
      Object.entries(exported).map(([entry, names]) => [entry, names.filter(({ example }) => !example).map(({ name }) => name).sort()]),
    );
    expect(withoutExample).toEqual(Object.fromEntries(Object.keys(ENTRY_POINTS).map((entry) => [entry, []])));
  });
});
