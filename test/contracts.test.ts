/**
 * The closed lists are the one source of every type that names their values: the database columns, the domain's
 * re-exports and every `Record<…>` of labels follow them, so adding a value makes the type checker point at each
 * place that must handle it (decision 0015). These assertions are checked by `tsc` (npm run typecheck).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CATEGORY_LABELS, DOSSIER_CATEGORIES, type DossierCategory } from '../src/contracts/categories.ts';
import { COMPLAINT_CHANNELS, RECORDED_CHANNELS } from '../src/contracts/channels.ts';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../src/contracts/decision-outcomes.ts';
import { DOSSIER_STATUSES, type DossierStatus, STATUS_LABELS } from '../src/contracts/dossier-status.ts';
import { factsSchema, type StoredFacts } from '../src/contracts/facts.ts';
import type { ORGANISATION_KIND_LABELS, OrganisationKind } from '../src/contracts/organisation-kinds.ts';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '../src/contracts/priorities.ts';
import {
  ACTING_ROLES,
  ANALYTICS_ROLES,
  HANDLING_ROLES,
  REGISTER_ROLES,
  ROLE_LABELS,
  ROLE_PROFILES,
  ROLES,
  type Role,
  STAFF_ROLES,
  SUPERVISING_ROLES,
} from '../src/contracts/roles.ts';
import type { DossierRow } from '../src/db/repositories/dossiers.ts';
import type { Role as DomainRole } from '../src/domain/access/roles.ts';

describe('the database columns are typed from the closed lists', () => {
  it('dossiers', () => {
    expectTypeOf<DossierRow['status']>().toEqualTypeOf<DossierStatus>();
    expectTypeOf<DossierRow['category']>().toEqualTypeOf<DossierCategory>();
    expectTypeOf<DossierRow['priority']>().toEqualTypeOf<Priority>();
    expectTypeOf<DossierRow['decision']>().toEqualTypeOf<DecisionOutcome | null>();
    expectTypeOf<DossierRow['organisationKind']>().toEqualTypeOf<OrganisationKind>();
    expectTypeOf<DossierRow['facts']>().toEqualTypeOf<StoredFacts>();
    expectTypeOf<DomainRole>().toEqualTypeOf<Role>();
  });
});

describe('a label map misses no value', () => {
  it('a map without one of the values does not compile', () => {
    // @ts-expect-error a status without its label: the checker points at the map
    const partial: Record<DossierStatus, string> = { draft: 'Brouillon' };
    expect(Object.keys(partial)).toHaveLength(1);
    expectTypeOf(ROLE_PROFILES).toHaveProperty('medical_adviser');
    expectTypeOf<keyof typeof ROLE_PROFILES>().toEqualTypeOf<Role>();
    expectTypeOf<keyof typeof STATUS_LABELS>().toEqualTypeOf<DossierStatus>();
    expectTypeOf<keyof typeof CATEGORY_LABELS>().toEqualTypeOf<DossierCategory>();
    expectTypeOf<keyof typeof PRIORITY_LABELS>().toEqualTypeOf<Priority>();
    expectTypeOf<keyof typeof ORGANISATION_KIND_LABELS>().toEqualTypeOf<OrganisationKind>();
  });

  it.each([
    ['roles', ROLES, ROLE_LABELS],
    ['statuses', DOSSIER_STATUSES, STATUS_LABELS],
    ['categories', DOSSIER_CATEGORIES, CATEGORY_LABELS],
    ['priorities', PRIORITIES, PRIORITY_LABELS],
  ] as const)('every one of the %s has a French label, and nothing else has', (_, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const label of Object.values(labels)) expect(label).toMatch(/^[A-ZÀ-Ý]/);
  });
});

describe('role groups, read from each role’s row', () => {
  it.each([
    ['staff', STAFF_ROLES, ['handler', 'supervisor', 'auditor', 'admin', 'medical_adviser']],
    ['register', REGISTER_ROLES, ['handler', 'supervisor', 'auditor', 'admin']],
    ['handling', HANDLING_ROLES, ['handler', 'supervisor']],
    ['acting', ACTING_ROLES, ['handler', 'supervisor', 'admin']],
    ['supervising', SUPERVISING_ROLES, ['supervisor', 'admin']],
    ['analytics', ANALYTICS_ROLES, ['supervisor', 'auditor', 'admin']],
  ])('%s', (_, group, expected) => {
    expect([...group].sort()).toEqual([...expected].sort());
  });
});

describe('sub-lists stay inside their list', () => {
  it('recorded channels are complaint channels; outcomes are three', () => {
    for (const c of RECORDED_CHANNELS) expect(COMPLAINT_CHANNELS).toContain(c);
    expect(DECISION_OUTCOMES).toEqual(['accepted', 'partial', 'rejected']);
  });
  it('stored facts are parsed by the one facts schema', () => {
    const stored: StoredFacts = { complaintSentOn: '2026-03-02', answerOutcome: 'partial' };
    expect(factsSchema.parse(stored)).toMatchObject(stored);
    expect(factsSchema.safeParse({ complaintSentOn: '2026-02-30' }).success).toBe(false);
  });
});
