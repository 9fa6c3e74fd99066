/**
 * The boundaries of docs/architecture.md, enforced (docs/decisions/0006-architecture-boundaries-test.md):
 * - a module under src/contracts (the closed lists, stored facts, events and API schemas: decision 0015) imports
 *   only zod, src/contracts and the pure primitives of src/domain/shared (calendar dates); the API schemas
 *   (src/contracts/api) may also embed the pure domain's schemas, which never import them;
 * - a module under src/domain imports only src/domain, src/contracts and small pure libraries, never node I/O;
 * - a server feature (src/server/<feature>/) does not import another feature's folder;
 * - a web feature (web/src/features/<feature>/) does not import another feature.
 * Today's cross-feature imports are listed below, one line each: debts to repay, not permissions. A new one fails;
 * one that disappears must leave the list too, so that the list only shrinks.
 */
import { describe, expect, it } from 'vitest';
import {
  featureOf,
  type ImportEdge,
  importsOf,
  importsUnder,
  isNodeModule,
  packageName,
} from './support/import-graph.ts';

/** Pure libraries the domain may use: no I/O, no clock, no global state. */
const DOMAIN_PACKAGES = new Set([
  'zod',
  'date-fns',
  '@socialgouv/jours-feries',
  'snowball-stemmers',
  'lru-cache',
]);
/**
 * Test code beside the rules (`*.test.ts`, `test-builders.ts`) never ships in a rule: it may use the test runner
 * and read its fixtures from disk.
 */
const DOMAIN_TEST_ONLY = new Set(['vitest', 'node:fs', 'node:path', 'node:url']);
/** Test code may also build its inputs with the project's generators (scripts/), which the rules never import. */
const TEST_FIXTURE_DIRS = ['scripts/'];
/**
 * Node modules that compute without I/O: hashing and signature checks of the history (src/domain/audit) are
 * deterministic functions of their arguments; keys and clocks come in as arguments.
 */
const DOMAIN_PURE_NODE = new Set(['node:crypto']);
const TEST_CODE = /(\.test\.tsx?|\/test-builders\.ts)$/;

/**
 * Server folders that are layers below the features, not features: every feature may import them.
 * auth: the session plugin and password hashing; live: the event bus; mail: the SMTP transport; shared: what
 * several features use (job queue, notifying, refusals, access to a file, the deadline projection, medical reads,
 * triage's suggestion, the steering access check, the CSV writer, the hardening helpers).
 */
const SERVER_SHARED = new Set(['auth', 'live', 'mail', 'shared']);
/**
 * Composition roots, which may import every feature (like app.ts): the demo seed builds data through them; the job
 * handlers (jobs/) register the background work of several features with the queue, as app.ts registers routes.
 */
const SERVER_ROOTS = new Set(['seed', 'jobs']);

/**
 * Server cross-feature imports that exist today (issue 13). Each is a debt: move what both need below them
 * (src/server/shared or src/db), then delete the line. Do not add lines.
 */
const SERVER_DEBTS = new Set([
  // the register's bulk acknowledgment runs handling's use case (one transaction per file, the same letter)
  'src/server/register/use-cases.ts -> src/server/handling/use-cases.ts',
]);

/** Web cross-feature imports that exist today: none. Features meet in web/src/app (FILE_SECTIONS). */
const WEB_DEBTS = new Set<string>([]);

/** Why a contracts import is forbidden, or undefined when it is allowed. */
function contractsViolation(edge: ImportEdge): string | undefined {
  if (edge.target !== undefined) {
    if (edge.target.startsWith('src/contracts/') || edge.target.startsWith('src/domain/shared/'))
      return undefined;
    // The API's request and response schemas may embed the pure domain's schemas (deadlines, SLA colours…).
    if (edge.from.startsWith('src/contracts/api/') && edge.target.startsWith('src/domain/')) return undefined;
    return 'imports code outside src/contracts and src/domain/shared';
  }
  if (edge.specifier === 'vitest' && TEST_CODE.test(edge.from)) return undefined;
  if (packageName(edge.specifier) === 'zod') return undefined;
  return isNodeModule(edge.specifier) ? 'imports a node I/O module' : `imports the package ${edge.specifier}`;
}

/** Why a domain import is forbidden, or undefined when it is allowed. */
function domainViolation(edge: ImportEdge): string | undefined {
  if (edge.target !== undefined) {
    if (edge.target.startsWith('src/contracts/api/'))
      return 'imports the API contracts (a layer above the domain)';
    if (edge.target.startsWith('src/domain/') || edge.target.startsWith('src/contracts/')) return undefined;
    if (TEST_CODE.test(edge.from) && TEST_FIXTURE_DIRS.some((d) => edge.target!.startsWith(d)))
      return undefined;
    return 'imports code outside src/domain';
  }
  if (DOMAIN_PURE_NODE.has(edge.specifier)) return undefined;
  if (DOMAIN_TEST_ONLY.has(edge.specifier) && TEST_CODE.test(edge.from)) return undefined;
  if (isNodeModule(edge.specifier)) return 'imports a node I/O module';
  const name = packageName(edge.specifier);
  if (DOMAIN_PACKAGES.has(name)) return undefined;
  return `imports the package ${name}, not in the domain's list of pure libraries`;
}

/** `from -> target` when the edge crosses two features under `base`, skipping the shared layers. */
function crossFeature(
  edge: ImportEdge,
  base: string,
  shared: ReadonlySet<string>,
  roots: ReadonlySet<string> = new Set(),
): string | undefined {
  if (edge.target === undefined) return undefined;
  const from = featureOf(edge.from, base);
  const to = featureOf(edge.target, base);
  if (!from || !to || from === to || shared.has(to) || roots.has(from)) return undefined;
  return `${edge.from} -> ${edge.target}`;
}

function crossings(base: string, shared: ReadonlySet<string>, roots?: ReadonlySet<string>): string[] {
  return [...new Set(importsUnder(base).flatMap((e) => crossFeature(e, base, shared, roots) ?? []))].sort();
}

describe('the checks themselves catch a forbidden import', () => {
  const edge = (from: string, specifier: string) => importsOf(from, `import x from '${specifier}';`)[0]!;
  it.each([
    ['src/domain/deadlines/engine.ts', '../../db/client.ts', 'imports code outside src/domain'],
    ['src/domain/deadlines/engine.ts', '../../server/config.ts', 'imports code outside src/domain'],
    ['src/domain/letters/draft.ts', 'node:fs', 'imports a node I/O module'],
    ['src/domain/letters/draft.ts', 'fs/promises', 'imports a node I/O module'],
    ['src/domain/letters/draft.ts', 'pg', 'imports the package pg, not in the domain'],
    ['src/domain/letters/draft.ts', 'vitest', 'imports the package vitest, not in the domain'],
    ['src/domain/letters/test-builders.ts', 'node:child_process', 'imports a node I/O module'],
    ['src/domain/register/sla.ts', '../../contracts/api/register.ts', 'imports the API contracts'],
  ])('%s importing %s: %s', (from, specifier, why) => {
    expect(domainViolation(edge(from, specifier))).toContain(why);
  });
  it.each([
    ['src/domain/deadlines/engine.ts', '../shared/result.ts'],
    ['src/domain/access/roles.ts', '../../contracts/roles.ts'],
    ['src/domain/deadlines/holidays.ts', '@socialgouv/jours-feries'],
    ['src/domain/deadlines/schema.ts', 'zod/v4/locales'],
    ['src/domain/deadlines/engine.test.ts', 'vitest'],
    ['src/domain/triage/analyse.test.ts', 'node:fs'],
  ])('%s may import %s', (from, specifier) => {
    expect(domainViolation(edge(from, specifier))).toBeUndefined();
  });
  it.each([
    ['src/contracts/roles.ts', '../db/schema.ts', 'imports code outside src/contracts'],
    ['src/contracts/roles.ts', '../domain/deadlines/engine.ts', 'imports code outside src/contracts'],
    ['src/contracts/roles.ts', 'node:fs', 'imports a node I/O module'],
    ['src/contracts/roles.ts', 'drizzle-orm', 'imports the package drizzle-orm'],
    ['src/contracts/api/register.ts', '../../db/schema.ts', 'imports code outside src/contracts'],
  ])('%s importing %s: %s', (from, specifier, why) => {
    expect(contractsViolation(edge(from, specifier))).toContain(why);
  });
  it.each([
    ['src/contracts/facts.ts', './calendar-date.ts'],
    ['src/contracts/calendar-date.ts', '../domain/shared/calendar-date.ts'],
    ['src/contracts/facts.ts', 'zod'],
    ['src/contracts/api/register.ts', '../../domain/register/sla.ts'],
  ])('%s may import %s', (from, specifier) => {
    expect(contractsViolation(edge(from, specifier))).toBeUndefined();
  });
  it('a feature importing another feature is a crossing; a shared layer or its own folder is not', () => {
    const base = 'src/server';
    expect(
      crossFeature(edge('src/server/letters/routes.ts', '../register/refusal.ts'), base, new Set()),
    ).toBe('src/server/letters/routes.ts -> src/server/register/refusal.ts');
    expect(
      crossFeature(edge('src/server/letters/routes.ts', '../auth/x.ts'), base, SERVER_SHARED),
    ).toBeUndefined();
    expect(
      crossFeature(edge('src/server/letters/routes.ts', './use-cases.ts'), base, new Set()),
    ).toBeUndefined();
    expect(
      crossFeature(edge('src/server/letters/routes.ts', '../errors.ts'), base, new Set()),
    ).toBeUndefined();
  });
});

describe('architecture boundaries (docs/architecture.md)', () => {
  it('src/domain imports only src/domain and pure libraries, never I/O', () => {
    const violations = importsUnder('src/domain').flatMap((e) => {
      const why = domainViolation(e);
      return why ? [`${e.from}: '${e.specifier}' ${why}`] : [];
    });
    expect(violations).toEqual([]);
  });

  it('src/contracts imports only zod, src/contracts and src/domain/shared: the web and the database may use it', () => {
    const violations = importsUnder('src/contracts').flatMap((e) => {
      const why = contractsViolation(e);
      return why ? [`${e.from}: '${e.specifier}' ${why}`] : [];
    });
    expect(violations).toEqual([]);
  });

  it('no server feature imports another feature beyond the listed debts', () => {
    const found = crossings('src/server', SERVER_SHARED, SERVER_ROOTS);
    const added = found.filter((c) => !SERVER_DEBTS.has(c));
    const repaid = [...SERVER_DEBTS].filter((c) => !found.includes(c));
    expect(
      { added, repaid },
      'added: move the shared code below both features; repaid: delete the line',
    ).toEqual({
      added: [],
      repaid: [],
    });
  });

  it('no web feature imports another feature', () => {
    const found = crossings('web/src/features', new Set());
    expect({
      added: found.filter((c) => !WEB_DEBTS.has(c)),
      repaid: [...WEB_DEBTS].filter((c) => !found.includes(c)),
    }).toEqual({ added: [], repaid: [] });
  });
});
