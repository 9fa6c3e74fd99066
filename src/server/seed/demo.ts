import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { insertNewDossier } from '../../db/repositories/dossiers.ts';
import { lastCompleteWeekEnd } from '../../db/repositories/pattern-spikes.ts';
import { computeThemes, storeThemeRun } from '../../db/repositories/pattern-themes.ts';
import { insertUser } from '../../db/repositories/users.ts';
import { organisations, users } from '../../db/schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { hashPassword } from '../auth/passwords.ts';
import { seedDemoRegister } from '../register/demo-data.ts';

/** Shown in the console and in the README: demo accounts exist only in the demo data. */
export const DEMO_PASSWORD = 'Recours-Demo-2026';

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; org?: 'demo' | 'other' }[] = [
  { email: 'adherent@demo.recours.fr', displayName: 'Camille Martin', role: 'member' },
  { email: 'adherent2@demo.recours.fr', displayName: 'Louis Bernard', role: 'member' },
  { email: 'conseiller@demo.recours.fr', displayName: 'Sophie Leroy', role: 'handler', org: 'demo' },
  { email: 'conseiller2@demo.recours.fr', displayName: 'Karim Benali', role: 'handler', org: 'demo' },
  { email: 'superviseur@demo.recours.fr', displayName: 'Marc Dubois', role: 'supervisor', org: 'demo' },
  { email: 'mediateur@demo.recours.fr', displayName: 'Anne Moreau', role: 'mediator' },
  { email: 'auditeur@demo.recours.fr', displayName: 'Paul Girard', role: 'auditor', org: 'demo' },
  { email: 'admin@demo.recours.fr', displayName: 'Nadia Haddad', role: 'admin', org: 'demo' },
  {
    email: 'medecin-conseil@demo.recours.fr',
    displayName: 'Dr Hélène Fabre',
    role: 'medical_adviser',
    org: 'demo',
  },
  { email: 'conseiller@assurances-exemple.fr', displayName: 'Julien Petit', role: 'handler', org: 'other' },
];

/** The member-side demo files, named for the code that needs one (tests, the CLI's answer): never found by title. */
export const DEMO_FILE_KEYS = ['crown', 'termination', 'cpam', 'doubleDebit', 'glasses'] as const;
export type DemoFileKey = (typeof DEMO_FILE_KEYS)[number];

export interface SeedResult {
  created: boolean;
  accounts: { email: string; role: Role }[];
  /** The demo files' ids by key; null when the database already held data (nothing was seeded). */
  files: Record<DemoFileKey, string> | null;
}

/** Creates the demo organisation, its staff, two members and example files, once (an empty database only). */
export async function seedDemo(db: Db, now: Date): Promise<SeedResult> {
  const accounts = DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role }));
  const [existing] = await db.select({ n: count() }).from(organisations);
  if ((existing?.n ?? 0) > 0) return { created: false, accounts, files: null };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const files = await db.transaction(async (tx) => {
    const [demo] = await tx
      .insert(organisations)
      .values({ name: 'Mutuelle Démo', kind: 'mutuelle', slug: 'mutuelle-demo' })
      .returning();
    const [other] = await tx
      .insert(organisations)
      .values({ name: 'Assurances Exemple', kind: 'insurer', slug: 'assurances-exemple' })
      .returning();
    const ids: Record<string, string> = {};
    for (const account of DEMO_ACCOUNTS) {
      const organisationId = account.org === 'demo' ? demo!.id : account.org === 'other' ? other!.id : null;
      const user = await insertUser(tx, { ...account, passwordHash, organisationId });
      ids[account.email] = user.id;
    }
    // The demo mutual's referrals go to the demo mediator (standing in for the FNMF mediator).
    await tx
      .update(organisations)
      .set({
        mediatorId: ids['mediateur@demo.recours.fr']!,
        mediatorName: 'Médiateur de la Mutualité Française',
        mediatorContact:
          'Monsieur le Médiateur de la Mutualité Française, FNMF, 255 rue de Vaugirard, 75719 Paris Cedex 15',
        postalAddress: 'Mutuelle Démo\nService Réclamations\n12 rue de la Solidarité\n69003 Lyon',
        complaintsEmail: 'reclamations@demo.recours.fr',
      })
      .where(eq(organisations.id, demo!.id));
    await tx
      .update(organisations)
      .set({
        mediatorName: 'La Médiation de l’Assurance',
        mediatorContact: 'La Médiation de l’Assurance, TSA 50110, 75441 Paris Cedex 09',
        postalAddress:
          'Assurances Exemple\nService Clients – Réclamations\n8 avenue des Assureurs\n75008 Paris',
        complaintsEmail: 'reclamations@assurances-exemple.fr',
      })
      .where(eq(organisations.id, other!.id));
    const member = ids['adherent@demo.recours.fr']!;
    await tx
      .update(users)
      .set({ postalAddress: '14 rue des Lilas\nAppartement 3B\n69007 Lyon' })
      .where(eq(users.id, member));
    const member2 = ids['adherent2@demo.recours.fr']!;
    const examples = [
      {
        key: 'crown' as const,
        memberId: member,
        organisationId: demo!.id,
        organisationName: demo!.name,
        organisationKind: 'mutuelle' as const,
        category: 'reimbursement_contested' as const,
        memberNumber: 'MD-0042-1187',
        title: 'Couronne dentaire remboursée 9 € au lieu de 120 €',
        description:
          'Couronne céramo-métallique posée le 02/09/2026 (facture 550 €). Le tableau de garanties prévoit 300 % BR ; la mutuelle a versé 9 €.',
        status: 'submitted' as const,
        amountCents: 11_100,
        facts: { complaintSentOn: '2026-09-15' },
      },
      {
        key: 'termination' as const,
        memberId: member,
        organisationId: other!.id,
        organisationName: other!.name,
        organisationKind: 'insurer' as const,
        category: 'termination' as const,
        title: 'Résiliation non prise en compte, cotisations toujours prélevées',
        description:
          'Résiliation envoyée le 01/08/2026 (contrat de plus d’un an) ; prélèvements de septembre et octobre.',
        status: 'submitted' as const,
        amountCents: 15_600,
        facts: { complaintSentOn: '2026-09-20' },
      },
      {
        key: 'cpam' as const,
        memberId: member,
        organisationId: null,
        organisationName: 'CPAM du Rhône',
        organisationKind: 'cpam' as const,
        category: 'cpam_decision' as const,
        title: 'Refus de remboursement de séances de kinésithérapie',
        description: 'Notification de refus reçue le 05/11/2026.',
        status: 'draft' as const,
        amountCents: 25_400,
        facts: {},
      },
      {
        key: 'doubleDebit' as const,
        memberId: member2,
        organisationId: demo!.id,
        organisationName: demo!.name,
        organisationKind: 'mutuelle' as const,
        category: 'contributions' as const,
        title: 'Double prélèvement de la cotisation d’octobre',
        description: 'La cotisation d’octobre (86,40 €) a été prélevée deux fois.',
        status: 'acknowledged' as const,
        amountCents: 8_640,
        facts: { complaintSentOn: '2026-10-08' },
      },
      {
        key: 'glasses' as const,
        memberId: member2,
        organisationId: demo!.id,
        organisationName: demo!.name,
        organisationKind: 'mutuelle' as const,
        category: 'coverage_interpretation' as const,
        title: 'Lunettes : forfait optique refusé',
        description:
          'Refus au motif d’un renouvellement avant 2 ans ; l’ordonnance constate une évolution de la vue.',
        status: 'mediation' as const,
        amountCents: 20_000,
        facts: { complaintSentOn: '2026-03-02' },
        mediatorId: ids['mediateur@demo.recours.fr']!,
      },
    ];
    const files = {} as Record<DemoFileKey, string>;
    for (const { key, ...example } of examples) {
      const dossier = await insertNewDossier(tx, now.getUTCFullYear(), {
        ...example,
        // The demo files past the draft were sent to their organisation; the draft stays the member's own.
        transmittedAt: example.status !== 'draft' && example.organisationId ? now : null,
        createdAt: now,
        updatedAt: now,
      });
      await appendAuditEvent(tx, {
        dossierId: dossier.id,
        actorId: example.memberId,
        type: 'dossier.created',
        payload: {
          after: { category: dossier.category, status: dossier.status, title: dossier.title },
          seed: true,
        },
        occurredAt: now,
      });
      files[key] = dossier.id;
    }
    // The back office's register: ~40 files in every state for ten more members (issue 5).
    await seedDemoRegister(tx, {
      organisation: {
        id: demo!.id,
        name: demo!.name,
        mediatorName: 'Médiateur de la Mutualité Française',
        mediatorContact:
          'Monsieur le Médiateur de la Mutualité Française, FNMF, 255 rue de Vaugirard, 75719 Paris Cedex 15',
      },
      handlerIds: [ids['conseiller@demo.recours.fr']!, ids['conseiller2@demo.recours.fr']!],
      passwordHash,
      now,
    });
    // The themes of the demo register, as the weekly job would have stored them last Monday: the « Tendances »
    // page reads stored themes only, and a fresh demo should show what it looks like.
    const themes = await computeThemes(tx, demo!.id, lastCompleteWeekEnd(parisDateOf(now)));
    await storeThemeRun(tx, demo!.id, themes, { durationMs: 0, computedAt: now });
    return files;
  });
  return { created: true, accounts, files };
}
