/**
 * Where a module of src/lib may run is written in its file name, and this test holds the names
 * to the imports:
 * - `.node.ts` runs in Node (build, scripts): it may import `node:` modules;
 * - `.content.ts` runs in Astro's build: it may import `astro:content`;
 * - `.browser.ts` runs in the browser: it imports no `node:` module and no Node or Astro module;
 * - a plain `.ts` runs anywhere: it imports neither `node:` nor `astro:content`, nor any module
 *   whose suffix says it needs one of them (or the browser).
 * Only `import type` is left out: TypeScript erases it, so nothing is loaded at run time
 * (`import { type X }` is kept under verbatimModuleSyntax and counts as an import).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Runtime = 'node' | 'content' | 'browser' | 'plain';

const runtimeOf = (file: string): Runtime =>
  /\.node\.ts$/.test(file) ? 'node' : /\.content\.ts$/.test(file) ? 'content' : /\.browser\.ts$/.test(file) ? 'browser' : 'plain';

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!);

/** The specifiers a module loads at run time: static imports and re-exports that are not type-only, and dynamic imports. */
export function runtimeImports(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const specs: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.importClause?.phaseModifier !== ts.SyntaxKind.TypeKeyword)
      specs.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly)
      specs.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      specs.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return specs;
}

/** What is wrong with a module's imports for the runtime its name gives; empty when nothing is. */
export function suffixProblems(file: string, source: string): string[] {
  const runtime = runtimeOf(file);
  const problems: string[] = [];
  for (const spec of runtimeImports(file, source)) {
    const target = spec.startsWith('.') ? runtimeOf(spec) : undefined;
    if (isNodeBuiltin(spec) && runtime !== 'node') problems.push(`${file} imports ${spec} but is not a .node.ts`);
    if (spec === 'astro:content' && runtime !== 'content') problems.push(`${file} imports astro:content but is not a .content.ts`);
    if (target === 'node' && runtime !== 'node' && runtime !== 'content') problems.push(`${file} imports the Node module ${spec}`);
    if (target === 'content' && runtime !== 'content') problems.push(`${file} imports the content module ${spec} but is not a .content.ts`);
    if (target === 'browser' && runtime !== 'browser') problems.push(`${file} imports the browser module ${spec} but is not a .browser.ts`);
  }
  return problems;
}

const ROOTS = ['src/lib', 'src/i18n'];
const modules = ROOTS.flatMap((root) =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(root, f)),
);

describe('the runtime suffix of every module in src/lib matches its imports', () => {
  it('finds modules of every kind', () => {
    const kinds = new Set(modules.map(runtimeOf));
    expect([...kinds].sort()).toEqual(['browser', 'content', 'node', 'plain']);
  });

  it.each(modules)('%s', (file) => {
    expect(suffixProblems(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the old runtime folders are gone', () => {
    expect(modules.filter((f) => /src\/lib\/(browser|data)\//.test(f))).toEqual([]);
  });
});

describe('suffixProblems', () => {
  it('refuses node: in a browser module and in a plain one', () => {
    expect(suffixProblems('a.browser.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(suffixProblems('a.ts', "import fs from 'fs';")).toHaveLength(1);
    expect(suffixProblems('a.ts', "const m = await import('node:path');")).toHaveLength(1);
    expect(suffixProblems('a.node.ts', "import { readFileSync } from 'node:fs';")).toEqual([]);
  });

  it('refuses astro:content outside a .content.ts, unless the import is type-only', () => {
    expect(suffixProblems('a.ts', "import { getCollection } from 'astro:content';")).toHaveLength(1);
    expect(suffixProblems('a.browser.ts', "import { getCollection } from 'astro:content';")).toHaveLength(1);
    expect(suffixProblems('a.ts', "import { type CollectionEntry } from 'astro:content';")).toHaveLength(1);
    expect(suffixProblems('a.ts', "import type { CollectionEntry } from 'astro:content';")).toEqual([]);
    expect(suffixProblems('a.content.ts', "import { getCollection } from 'astro:content';")).toEqual([]);
  });

  it('refuses a plain module that imports a module of a narrower runtime', () => {
    expect(suffixProblems('a.ts', "import { x } from './b.node.ts';")).toHaveLength(1);
    expect(suffixProblems('a.ts', "export { x } from './b.content.ts';")).toHaveLength(1);
    expect(suffixProblems('a.ts', "import { el } from './dom.browser.ts';")).toHaveLength(1);
    expect(suffixProblems('a.browser.ts', "import { x } from './b.node.ts';")).toHaveLength(1);
    expect(suffixProblems('a.ts', "import type { KeyValueStore } from './key-value-store.browser.ts';")).toEqual([]);
    expect(suffixProblems('a.browser.ts', "import { fill } from './b.ts';")).toEqual([]);
  });
});
