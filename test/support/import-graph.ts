/**
 * The import graph of the repository, read with the TypeScript compiler's own pre-processor (no new dependency):
 * every `import … from`, `export … from`, `import '…'` and `import('…')` of a source file, resolved to a
 * repository path when relative. Used by test/architecture.test.ts to enforce docs/architecture.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface ImportEdge {
  /** Importing file, relative to the repository root, with forward slashes. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** Repository path when the specifier is relative, else undefined (a package or a node module). */
  target: string | undefined;
}

const SOURCE = /\.(ts|tsx|mts)$/;

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = join(abs, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
        out.push(toPosix(relative(ROOT, child)));
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

/** The imports of one file, given its repository path and text. */
export function importsOf(file: string, text: string): ImportEdge[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map(({ fileName: specifier }) => ({
    from: file,
    specifier,
    target: specifier.startsWith('.') ? toPosix(join(dirname(file), specifier)) : undefined,
  }));
}

export function importsUnder(dir: string): ImportEdge[] {
  return sourceFiles(dir).flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')));
}

const NODE_MODULES = new Set(builtinModules);

/** `node:fs`, `fs`, `fs/promises`… */
export function isNodeModule(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_MODULES.has(specifier.split('/')[0] ?? '');
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The feature folder a repository path belongs to under `base` (`src/server/register/x.ts` → `register`). */
export function featureOf(path: string, base: string): string | undefined {
  if (!path.startsWith(`${base}/`)) return undefined;
  const rest = path.slice(base.length + 1).split('/');
  return rest.length > 1 ? rest[0] : undefined;
}
