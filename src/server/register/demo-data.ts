import type { DossierCategory } from '../../contracts/categories.ts';
import type { ComplaintChannel } from '../../contracts/channels.ts';
import type { DossierStatus } from '../../contracts/dossier-status.ts';
import { aDossier } from '../../db/builders.ts';
import type { Db } from '../../db/client.ts';
import { appendAuditEvent } from '../../db/repositories/audit.ts';
import { insertDossier } from '../../db/repositories/dossiers.ts';
import { insertMessage } from '../../db/repositories/handling.ts';
import { insertUser } from '../../db/repositories/users.ts';
import {
  competentMediatorFor,
  type DecisionOutcome,
  reasonedAnswerText,
} from '../../domain/register/answer.ts';
import { type SlaColour, slaClocksOf } from '../../domain/register/sla.ts';
import { addDays, type CalendarDate } from '../../domain/shared/calendar-date.ts';
import { deadlinesOf, todayInParis } from '../shared/deadline-projection.ts';

/** A small deterministic generator (mulberry32): the demo is the same at every start, no Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const DEMO_MEMBERS = [
  'Émilie Rousseau',
  'Thomas Lefèvre',
  'Chloé Fontaine',
  'Nicolas Garnier',
  'Sarah Chevalier',
  'Julien Marchand',
  'Léa Robin',
  'Antoine Perrin',
  'Manon Gauthier',
  'Hugo Faure',
];

/** prenom.nom@demo.recours.fr, without accents. */
export function demoMemberEmail(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return `${ascii.replace(/\s+/g, '.')}@demo.recours.fr`;
}

interface Template {
  category: DossierCategory;
  title: string;
  description: string;
  amount: [number, number] | null;
}

const TEMPLATES: Template[] = [
  {
    category: 'reimbursement_contested',
    title: 'Implant dentaire : remboursement très inférieur au devis',
    description:
      'Devis accepté avant la pose (1 200 €). La mutuelle a versé 150 € au lieu des 600 € annoncés dans sa réponse au devis.',
    amount: [30_000, 60_000],
  },
  {
    category: 'reimbursement_contested',
    title: 'Consultation d’un spécialiste en secteur 2 : dépassement non remboursé',
    description:
      'Le contrat responsable prévoit 200 % BR pour un médecin adhérent à l’OPTAM ; le dépassement n’a pas été pris en charge.',
    amount: [2_000, 9_000],
  },
  {
    category: 'reimbursement_contested',
    title: 'Aides auditives : forfait 100 % Santé mal appliqué',
    description:
      'Équipement de classe I posé en juin ; un reste à charge de 240 € est resté alors que l’offre 100 % Santé devait être intégralement couverte.',
    amount: [15_000, 30_000],
  },
  {
    category: 'coverage_interpretation',
    title: 'Lentilles de contact : refus au motif d’une exclusion contestée',
    description:
      'Refus au motif que les lentilles ne sont pas prescrites ; l’ordonnance de l’ophtalmologiste les mentionne pourtant.',
    amount: [10_000, 25_000],
  },
  {
    category: 'coverage_interpretation',
    title: 'Ostéopathie : nombre de séances annuel contesté',
    description:
      'Le tableau de garanties indique 4 séances par an ; la mutuelle n’en rembourse que 2 en invoquant une note de bas de page.',
    amount: [4_000, 12_000],
  },
  {
    category: 'coverage_interpretation',
    title: 'Chambre particulière en clinique limitée à 10 jours',
    description:
      'Hospitalisation de 16 jours ; la garantie ne mentionne aucune limite de durée pour la chambre particulière.',
    amount: [20_000, 50_000],
  },
  {
    category: 'termination',
    title: 'Résiliation infra-annuelle refusée après plus d’un an de contrat',
    description:
      'Demande de résiliation envoyée par lettre recommandée après 18 mois d’adhésion ; la mutuelle exige d’attendre l’échéance.',
    amount: null,
  },
  {
    category: 'termination',
    title: 'Résiliation pour départ à la retraite non prise en compte',
    description: 'Changement de situation signalé avec justificatif ; les prélèvements continuent.',
    amount: [5_000, 20_000],
  },
  {
    category: 'contributions',
    title: 'Hausse de cotisation de 18 % sans information préalable',
    description:
      'Aucun avis d’échéance reçu ; la hausse apparaît directement sur le relevé bancaire de janvier.',
    amount: [10_000, 30_000],
  },
  {
    category: 'contributions',
    title: 'Cotisation prélevée après la résiliation',
    description: 'Résiliation effective au 31 du mois ; deux prélèvements ont suivi.',
    amount: [6_000, 18_000],
  },
  {
    category: 'contributions',
    title: 'Échéancier erroné après un changement de RIB',
    description: 'Le nouveau mandat SEPA a entraîné un rattrapage de trois mois prélevé en une fois.',
    amount: [15_000, 28_000],
  },
  {
    category: 'service_quality',
    title: 'Aucune réponse à trois appels au service client',
    description:
      'Trois appels notés dans le journal des contacts, chacun avec promesse de rappel sous 48 h, sans suite.',
    amount: null,
  },
  {
    category: 'service_quality',
    title: 'Carte de tiers payant non reçue depuis deux mois',
    description: 'Adhésion au 1er du mois ; la carte n’est jamais arrivée malgré deux relances par e-mail.',
    amount: null,
  },
  {
    category: 'rights_suspended',
    title: 'Tiers payant refusé en pharmacie : droits suspendus à tort',
    description: 'La pharmacie indique des droits fermés alors que les cotisations sont à jour.',
    amount: [3_000, 12_000],
  },
  {
    category: 'rights_suspended',
    title: 'Droits suspendus pendant le changement d’employeur',
    description:
      'Contrat collectif du nouvel employeur ouvert avec un mois de retard ; soins avancés pendant ce mois.',
    amount: [8_000, 25_000],
  },
  {
    category: 'portability',
    title: 'Portabilité des droits refusée après une rupture conventionnelle',
    description:
      'Rupture conventionnelle homologuée, inscription à France Travail faite ; la mutuelle refuse le maintien gratuit.',
    amount: [10_000, 40_000],
  },
  {
    category: 'care_refused',
    title: 'Refus de prise en charge d’une hospitalisation programmée',
    description:
      'Demande de prise en charge envoyée trois semaines avant l’intervention ; refus sans motif détaillé.',
    amount: [50_000, 150_000],
  },
  {
    category: 'care_refused',
    title: 'Cure thermale : frais d’hébergement refusés',
    description:
      'La garantie « cure thermale » couvre l’hébergement selon la notice ; refus au motif d’un forfait épuisé.',
    amount: [20_000, 45_000],
  },
  {
    category: 'other',
    title: 'Erreur sur le bénéficiaire désigné au contrat',
    description: 'Le conjoint a été retiré des bénéficiaires sans demande de l’adhérent.',
    amount: null,
  },
];

/** The states of the demo register, with how many files each (40 in all). */
type Scenario =
  | { kind: 'draft' }
  | { kind: 'submitted'; ack: SlaColour }
  | { kind: 'acknowledged'; answer: SlaColour }
  | { kind: 'awaiting_member' }
  | { kind: 'answered'; outcome: DecisionOutcome; windowClosingSoon?: boolean }
  | { kind: 'mediation' }
  | { kind: 'closed'; outcome: DecisionOutcome };

const SCENARIOS: Scenario[] = [
  ...Array.from({ length: 3 }, (): Scenario => ({ kind: 'draft' })),
  ...(['green', 'green', 'green', 'green', 'amber', 'amber', 'amber', 'red', 'red', 'red'] as const).map(
    (ack): Scenario => ({ kind: 'submitted', ack }),
  ),
  ...(['green', 'green', 'amber', 'amber', 'red', 'red'] as const).map(
    (answer): Scenario => ({ kind: 'acknowledged', answer }),
  ),
  ...Array.from({ length: 4 }, (): Scenario => ({ kind: 'awaiting_member' })),
  ...(['accepted', 'partial', 'rejected', 'accepted', 'partial', 'rejected'] as const).map(
    (outcome): Scenario => ({ kind: 'answered', outcome }),
  ),
  // Rejected almost a year ago: the member's window to seize the mediator closes within days (L612-2).
  { kind: 'answered', outcome: 'rejected', windowClosingSoon: true },
  ...Array.from({ length: 3 }, (): Scenario => ({ kind: 'mediation' })),
  ...(['accepted', 'accepted', 'partial', 'accepted', 'partial', 'accepted', 'rejected'] as const).map(
    (outcome): Scenario => ({ kind: 'closed', outcome }),
  ),
];

const CHANNELS: ComplaintChannel[] = ['web', 'web', 'email', 'letter', 'phone', 'counter'];
const REASONS: Record<DecisionOutcome, string> = {
  accepted:
    'Après vérification du tableau de garanties et des pièces transmises, la prise en charge est due : le complément sera versé sous 8 jours.',
  partial:
    'La garantie s’applique à la part facturée dans la limite du plafond annuel ; le dépassement au-delà de ce plafond reste à votre charge.',
  rejected:
    'L’article 7 des conditions générales exclut cette prestation ; aucun élément nouveau ne permet de revenir sur la décision initiale.',
};
const SATISFACTION_COMMENTS = [
  'Réponse claire, merci pour le suivi.',
  'Un peu long mais le dossier a été réglé.',
  'Satisfait du remboursement obtenu.',
  'Le conseiller a bien expliqué la décision.',
  'Décision comprise, même si je la regrette.',
];

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

interface Colours {
  ack: SlaColour;
  answer: SlaColour;
}

/** The clock colours a file would show today with these facts (the same engine and rule as the register). */
function coloursOf(facts: Record<string, string>, status: string, now: Date): Colours | undefined {
  const result = deadlinesOf({ facts, organisationKind: 'mutuelle', zone: 'metropole' }, now);
  if (!result.ok) return undefined;
  const clocks = slaClocksOf(result.value.deadlines, { status, facts });
  return { ack: clocks.acknowledgment.colour, answer: clocks.answer.colour };
}

/**
 * The most recent complaint date, within a range of days ago, that gives a clock the wanted colour today: the
 * demo's traffic lights stay meaningful whatever day it starts (weekends and holidays included).
 */
function sentDateFor(
  now: Date,
  range: [number, number],
  wanted: (c: Colours) => boolean,
  factsFor: (sent: CalendarDate) => Record<string, string>,
  status: string,
): CalendarDate {
  const today = todayInParis(now);
  for (let back = range[0]; back <= range[1]; back++) {
    const sent = addDays(today, -back);
    const colours = coloursOf(factsFor(sent), status, now);
    if (colours && wanted(colours)) return sent;
  }
  return addDays(today, -range[1]);
}

export interface DemoFilesInput {
  organisation: { id: string; name: string; mediatorName: string | null; mediatorContact: string | null };
  handlerIds: string[];
  passwordHash: string;
  now: Date;
}

/**
 * About forty files for the demo mutual's register, in every state, for ten generated members (the five example
 * files and their accounts stay as they are: tests count them).
 */
export async function seedDemoRegister(tx: Db, input: DemoFilesInput): Promise<number> {
  const { now, organisation, handlerIds } = input;
  const random = seededRandom(20_261_123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const today = todayInParis(now);
  const year = now.getUTCFullYear();
  const mediator = competentMediatorFor({
    kind: 'mutuelle',
    mediatorName: organisation.mediatorName,
    mediatorContact: organisation.mediatorContact,
  });

  const memberIds: string[] = [];
  for (const name of DEMO_MEMBERS) {
    const user = await insertUser(tx, {
      email: demoMemberEmail(name),
      displayName: name,
      role: 'member',
      passwordHash: input.passwordHash,
    });
    memberIds.push(user.id);
  }

  let count = 0;
  for (const [index, scenario] of SCENARIOS.entries()) {
    const template = TEMPLATES[index % TEMPLATES.length]!;
    const memberId = memberIds[index % memberIds.length]!;
    const channel = pick(CHANNELS);
    const handlerId =
      scenario.kind === 'draft' || (scenario.kind === 'submitted' && index % 3 === 0)
        ? null
        : handlerIds[index % handlerIds.length]!;
    let facts: Record<string, string> = {};
    const status: DossierStatus = scenario.kind;
    let decision: DecisionOutcome | null = null;
    let closedAt: Date | null = null;
    let satisfaction: { score: number; comment: string } | null = null;

    switch (scenario.kind) {
      case 'draft':
        break;
      case 'submitted': {
        const ranges: Record<SlaColour, [number, number]> = {
          green: [0, 6],
          amber: [5, 14],
          red: [12, 30],
          grey: [0, 0],
        };
        const r = ranges[scenario.ack];
        const sent = sentDateFor(
          now,
          [r[0] + between(0, 2), r[1]],
          (c) => c.ack === scenario.ack,
          (s) => ({ complaintSentOn: s }),
          'submitted',
        );
        facts = { complaintSentOn: sent };
        break;
      }
      case 'acknowledged': {
        const ranges: Record<SlaColour, [number, number]> = {
          green: [12, 45],
          amber: [50, 61],
          red: [62, 80],
          grey: [0, 0],
        };
        const r = ranges[scenario.answer];
        const factsFor = (s: CalendarDate) => ({ complaintSentOn: s, acknowledgedOn: addDays(s, 3) });
        const sent = sentDateFor(
          now,
          [r[0] + between(0, 3), r[1]],
          (c) => c.answer === scenario.answer,
          factsFor,
          'acknowledged',
        );
        facts = factsFor(sent);
        break;
      }
      case 'awaiting_member': {
        const sent = addDays(today, -between(18, 40));
        facts = { complaintSentOn: sent, acknowledgedOn: addDays(sent, between(2, 6)) };
        break;
      }
      case 'answered':
      case 'closed': {
        const closingSoon = scenario.kind === 'answered' && scenario.windowClosingSoon;
        const sent = addDays(today, closingSoon ? -355 : -between(45, 120));
        const answeredOn = addDays(sent, between(20, 40));
        facts = {
          complaintSentOn: sent,
          acknowledgedOn: addDays(sent, between(2, 7)),
          answerReceivedOn: answeredOn,
          answerOutcome: scenario.outcome,
        };
        decision = scenario.outcome;
        if (scenario.kind === 'closed') {
          closedAt = new Date(`${addDays(answeredOn, between(3, 4))}T15:00:00Z`);
          satisfaction = {
            score: scenario.outcome === 'accepted' ? between(4, 5) : between(2, 4),
            comment: pick(SATISFACTION_COMMENTS),
          };
        }
        break;
      }
      case 'mediation': {
        const sent = addDays(today, -between(150, 200));
        const answeredOn = addDays(sent, between(30, 50));
        facts = {
          complaintSentOn: sent,
          acknowledgedOn: addDays(sent, 4),
          answerReceivedOn: answeredOn,
          answerOutcome: 'rejected',
          mediatorSeizedOn: addDays(answeredOn, between(20, 40)),
        };
        decision = 'rejected';
        break;
      }
    }
    if (channel === 'letter' && facts.complaintSentOn && addDays(facts.complaintSentOn, 2) <= today) {
      facts.complaintReceivedOn = addDays(facts.complaintSentOn, 2);
    }
    const check = deadlinesOf({ facts, organisationKind: 'mutuelle', zone: 'metropole' }, now);
    if (!check.ok) throw new Error(`demo file ${index}: ${check.error.message}`);

    const createdAt = facts.complaintSentOn ? new Date(`${facts.complaintSentOn}T09:00:00Z`) : now;
    const [low, high] = template.amount ?? [0, 0];
    const reference = `REC-${year}-${Array.from({ length: 6 }, () => pick([...ALPHABET])).join('')}`;
    const mutuelle = { id: organisation.id, name: organisation.name, kind: 'mutuelle' as const };
    const dossier = await insertDossier(
      tx,
      aDossier(memberId, mutuelle, {
        reference,
        category: template.category,
        title: template.title,
        description:
          scenario.kind === 'mediation'
            ? `${template.description} Médiateur saisi par courrier après le refus.`
            : template.description,
        status,
        // A draft is still the member's private file; every other one reached the organisation when it was opened.
        transmittedAt: status === 'draft' ? null : createdAt,
        channel,
        amountCents: template.amount ? Math.round(between(low, high) / 100) * 100 : null,
        assignedHandlerId: handlerId,
        priority: scenario.kind === 'submitted' && scenario.ack === 'red' ? 'high' : 'normal',
        facts,
        decision,
        decisionReason: decision ? REASONS[decision] : null,
        closedAt,
        satisfactionScore: satisfaction?.score ?? null,
        satisfactionComment: satisfaction?.comment ?? null,
        createdAt,
        updatedAt: now,
      }),
    );
    await appendAuditEvent(tx, {
      dossierId: dossier.id,
      actorId: memberId,
      type: 'dossier.created',
      payload: {
        after: { category: dossier.category, status: dossier.status, title: dossier.title },
        seed: true,
      },
      occurredAt: now,
    });
    const author = handlerId ?? handlerIds[0]!;
    if (scenario.kind === 'awaiting_member') {
      await insertMessage(tx, {
        dossierId: dossier.id,
        authorId: author,
        body: 'Pour instruire votre réclamation, merci de nous transmettre :\n- la facture détaillée\n- le décompte de l’Assurance maladie',
        kind: 'document_request',
        internal: false,
        createdAt: now,
      });
    }
    if (decision && facts.answerReceivedOn) {
      await insertMessage(tx, {
        dossierId: dossier.id,
        authorId: author,
        body: reasonedAnswerText({
          reference,
          organisationName: organisation.name,
          organisationKind: 'mutuelle',
          outcome: decision,
          reasons: REASONS[decision],
          decidedOn: facts.answerReceivedOn,
          complaintSentOn: facts.complaintSentOn,
          mediator,
        }),
        kind: 'answer',
        internal: false,
        createdAt: new Date(`${facts.answerReceivedOn}T10:00:00Z`),
      });
    }
    count += 1;
  }
  return count;
}
