/**
 * Starting the server must not load the libraries that only some routes or deployments use (docs/performance.md:
 * the server's resident memory stays under 300 MB): PDF, spreadsheet, upload and mail libraries are imported at
 * their first use, PGlite only when no DATABASE_URL is set. This walks the static imports (those evaluated at start;
 * `import type` and `import()` are not) from the server's entry point and lists the packages reached.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageName, ROOT } from './support/import-graph.ts';

const LOADED_ON_DEMAND = [
  'pdf-lib',
  '@pdf-lib/fontkit',
  'pdfmake',
  'exceljs',
  'file-type',
  'smtp-server',
  'mailparser',
  'nodemailer',
  '@electric-sql/pglite',
  // drizzle's PGlite driver imports PGlite itself
  'drizzle-orm/pglite',
];

/** The specifiers a module evaluates when it is imported: no type-only import or export, no `import()`. */
function staticImportsOf(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const out: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      out.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

/** Every package specifier reached from `entry` through static imports of the repository's own modules. */
function packagesLoadedFrom(entry: string): Map<string, string> {
  const reached = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImportsOf(file, readFileSync(join(ROOT, file), 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = join(dirname(file), specifier);
        if (existsSync(join(ROOT, target))) queue.push(target);
      } else if (!reached.has(specifier)) reached.set(specifier, file);
    }
  }
  return reached;
}

describe('the static import graph', () => {
  it('skips type-only imports and import()', () => {
    const text = [
      "import type { A } from 'pdf-lib';",
      "import { type B, type C } from 'exceljs';",
      "import D, { type E } from 'pdfmake';",
      "export type { F } from 'nodemailer';",
      "export { G } from 'mailparser';",
      "const h = await import('file-type');",
    ].join('\n');
    expect(staticImportsOf('x.ts', text)).toEqual(['pdfmake', 'mailparser']);
  });
});

describe('starting the server', () => {
  const reached = packagesLoadedFrom('src/server/main.ts');

  it('reaches the application (the walk follows the graph)', () => {
    expect(reached.has('fastify')).toBe(true);
    expect(reached.has('pg')).toBe(true);
  });

  it.each(LOADED_ON_DEMAND)('does not load %s', (name) => {
    const importers = [...reached].filter(([specifier]) =>
      name.includes('/') && !name.startsWith('@') ? specifier === name : packageName(specifier) === name,
    );
    expect(importers.map(([specifier, file]) => `${file} imports ${specifier}`)).toEqual([]);
  });
});
