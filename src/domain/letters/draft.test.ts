import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../deadlines/engine.ts';
import { MEDIATORS } from '../deadlines/parameters.ts';
import { chronology } from './chronology.ts';
import { bodyText, draftLetter, letterFromText, paragraphsOf, withEditedText } from './draft.ts';
import { formatAmount, frenchTypography, NBSP } from './format.ts';
import { mediationChecks } from './mediation-checks.ts';
import { letterWriteRefusal } from './permissions.ts';
import {
  LETTER_TYPES,
  type LetterDossierInput,
  type LetterOptionsInput,
  type LetterType,
  letterDossierSchema,
} from './schema.ts';
import { factsAfterSending } from './sent.ts';
import {
  aDossier,
  courtDossier,
  cpamDossier,
  exampleDossier,
  poleSocialDossier,
  portabilityDossier,
} from './test-builders.ts';

const DECISION = {
  decision: {
    outcome: 'rejected' as const,
    reasons: 'La garantie prothèses est plafonnée à 300 % de la base.',
  },
};

/** The dossier and options each type is drafted from, and what it must cite. */
const TYPES: {
  type: LetterType;
  dossier: () => LetterDossierInput;
  options?: LetterOptionsInput;
  cites: string;
  recipient: RegExp;
  source: string;
}[] = [
  {
    type: 'reclamation',
    dossier: exampleDossier,
    cites: 'ACPR 2024-R-02',
    recipient: /Mutuelle Démo/,
    source: 'ACPR 2024-R-02 (10 jours ouvrables, 2 mois)',
  },
  {
    type: 'detail_calcul',
    dossier: exampleDossier,
    cites: 'ACPR 2024-R-02',
    recipient: /Mutuelle Démo/,
    source: 'ACPR : une demande d’information n’est pas une réclamation',
  },
  {
    type: 'relance',
    dossier: exampleDossier,
    cites: 'ACPR 2024-R-02',
    recipient: /Mutuelle Démo/,
    source: 'ACPR 2024-R-02',
  },
  {
    type: 'mise_en_demeure',
    dossier: exampleDossier,
    cites: 'C. civ. art. 1344',
    recipient: /Mutuelle Démo/,
    source: 'C. civ. art. 1344',
  },
  {
    type: 'saisine_mediateur',
    dossier: exampleDossier,
    cites: 'C. consom. art. L612-2',
    recipient: /Médiateur de la Mutualité Française/,
    source: 'C. consom. L612-1, L612-2',
  },
  {
    type: 'recours_cra',
    dossier: cpamDossier,
    cites: 'CSS art. R142-1',
    recipient: /Commission de recours amiable/,
    source: 'CSS R142-1, R142-6',
  },
  {
    type: 'resiliation',
    dossier: exampleDossier,
    options: { terminationGround: 'anytime' },
    cites: 'L221-10-2',
    recipient: /Résiliations/,
    source: 'C. mutualité L221-10-2',
  },
  {
    type: 'portabilite',
    dossier: portabilityDossier,
    cites: 'CSS art. L911-8',
    recipient: /Mutuelle Démo/,
    source: 'CSS L911-8',
  },
  {
    type: 'defenseur_des_droits',
    dossier: cpamDossier,
    cites: '2011-333',
    recipient: /Défenseur des droits/,
    source: 'service-public F13158',
  },
  {
    type: 'requete_tribunal',
    dossier: courtDossier,
    cites: 'CPC art. 54, 57, 750, 750-1, 757 et 761',
    recipient: /Tribunal judiciaire de Lyon/,
    source: 'CPC 750, 750-1, 757, 761',
  },
  {
    type: 'saisine_pole_social',
    dossier: poleSocialDossier,
    cites: 'CSS art. R142-1, R142-1-A, R142-6 et R142-10',
    recipient: /Pôle social/,
    source: 'CSS R142-1 s., R142-10',
  },
  {
    type: 'accuse_reception',
    dossier: exampleDossier,
    cites: 'ACPR 2024-R-02',
    recipient: /Camille Martin/,
    source: 'ACPR 2024-R-02 (accusé sous 10 jours ouvrables)',
  },
  {
    type: 'demande_piece',
    dossier: exampleDossier,
    options: { requestedDocuments: ['la facture détaillée'] },
    cites: 'ACPR 2024-R-02',
    recipient: /Camille Martin/,
    source: 'ACPR 2024-R-02',
  },
  {
    type: 'reponse_motivee',
    dossier: exampleDossier,
    options: DECISION,
    cites: 'C. consom. art. L616-1',
    recipient: /Camille Martin/,
    source: 'ACPR 2024-R-02 ; C. consom. L616-1 (nommer le médiateur)',
  },
];

function draft(type: LetterType, dossier: LetterDossierInput, options: LetterOptionsInput = {}) {
  const result = draftLetter(type, dossier, options);
  if (!result.ok) throw new Error(`${type}: ${result.error.message}`);
  return result.value;
}

function engineDate(dossier: LetterDossierInput, id: string, extra: Record<string, unknown> = {}) {
  const d = letterDossierSchema.parse(dossier);
  const out = computeDeadlines({
    context: { organisationType: d.organisation.kind, zone: d.dossier.zone, today: d.today },
    facts: { ...d.dossier.facts, ...extra },
  });
  if (!out.ok) throw new Error(out.error.message);
  return out.value.deadlines.find((x) => x.id === id)?.dueDate;
}

const fr = (iso: string) => iso.split('-').reverse().join('/');

describe('every letter type has its mandatory parts', () => {
  it('covers every type', () => {
    expect(TYPES.map((t) => t.type).sort()).toEqual([...LETTER_TYPES].sort());
  });

  it.each(TYPES)('$type ($source)', ({ type, dossier, options, cites, recipient }) => {
    const letter = draft(type, dossier(), options);
    expect(letter.sender.length).toBeGreaterThan(0);
    expect(letter.recipient.join('\n')).toMatch(recipient);
    expect(letter.placeAndDate).toBe('Lyon, le 23/11/2026');
    expect(letter.subject.length).toBeGreaterThan(5);
    expect(letter.references.map((r) => r.value).join(' ')).toMatch(/REC-2026-7KQ4M2|RCL-2026-0915-118/);
    expect(letter.body.length).toBeGreaterThanOrEqual(2);
    expect(letter.salutation).toMatch(/^(Madame|Mesdames)/);
    expect(letter.closing).toMatch(/agréer/);
    expect(letter.signature.length).toBeGreaterThan(0);
    expect(letter.legalBasis.join(' ; ')).toContain(cites);
    // Member letters list the file's documents as enclosures; organisation letters enclose nothing.
    expect(letter.enclosures.length).toBe(letter.side === 'member' ? 4 : 0);
  });
});

describe('the mediator letter names the mediator of the organisation kind (docs/sources.md §3)', () => {
  it.each([
    { kind: 'mutuelle', name: MEDIATORS.fnmf.name, source: 'mediateur-mutualite.fr (FNMF)' },
    {
      kind: 'insurer',
      name: MEDIATORS.lma.name,
      source: 'La Médiation de l’Assurance (clubdesmediateurs.fr)',
    },
    { kind: 'institution_prevoyance', name: MEDIATORS.ctip.name, source: 'ctip.asso.fr' },
    { kind: 'cpam', name: MEDIATORS.cpam.name, source: 'CSS L217-7-1 ; service-public F20849' },
  ] as const)('$kind → $name ($source)', ({ kind, name }) => {
    const dossier = aDossier({ organisation: { name: 'Organisme', kind, mediator: undefined } });
    const letter = draft('saisine_mediateur', dossier);
    expect(letter.recipient[0]).toBe(name);
    expect(letter.body.join('\n')).toContain(kind === 'cpam' ? 'L217-7-1' : 'L612-1');
  });

  it('uses the organisation’s own mediator when the file names one (LMA for some mutuelles)', () => {
    const letter = draft(
      'saisine_mediateur',
      aDossier({
        organisation: {
          mediator: { ...MEDIATORS.lma, postalAddress: ['TSA 50110', '75441 Paris Cedex 09'] },
        },
      }),
    );
    expect(letter.recipient).toEqual([MEDIATORS.lma.name, 'TSA 50110', '75441 Paris Cedex 09']);
  });

  it('quotes the admissibility conditions met, with their dates (C. consom. L612-2)', () => {
    const text = draft('saisine_mediateur', exampleDossier()).body.join('\n');
    expect(text).toContain('réclamation écrite préalable adressée à Mutuelle Démo le 15/09/2026');
    expect(text).toContain('deux mois');
    expect(text).toContain('15/09/2027'); // 1 year after the written complaint
    expect(text).toContain('aucun tribunal');
  });
});

describe('the deadline a letter quotes is the deadline engine’s', () => {
  it('reclamation not yet sent: 10 jours ouvrables and 2 months from today (ACPR 2024-R-02)', () => {
    const dossier = aDossier({ dossier: { facts: {} } });
    dossier.letters = [];
    const letter = draft('reclamation', dossier);
    const ack = engineDate(dossier, 'complaint.acknowledgment', { complaintSentOn: '2026-11-23' })!;
    const answer = engineDate(dossier, 'complaint.answer', { complaintSentOn: '2026-11-23' })!;
    expect(letter.answerBy?.date).toBe(answer);
    expect(answer).toBe('2027-01-23');
    expect(letter.body.join('\n')).toContain(`au plus tard le ${fr(ack)}`);
    expect(letter.body.join('\n')).toContain(`au plus tard le ${fr(answer)}`);
  });

  it.each([
    { type: 'relance', id: 'complaint.answer', extra: {}, dossier: exampleDossier },
    { type: 'accuse_reception', id: 'complaint.answer', extra: {}, dossier: exampleDossier },
    {
      type: 'saisine_mediateur',
      id: 'mediation.inadmissibility_notice',
      extra: { mediatorSeizedOn: '2026-11-23' },
      dossier: exampleDossier,
    },
    {
      type: 'recours_cra',
      id: 'cpam.cra_decision',
      extra: { craSeizedOn: '2026-11-23' },
      dossier: cpamDossier,
    },
  ] as const)('$type quotes $id', ({ type, id, extra, dossier }) => {
    const letter = draft(type, dossier());
    const date = engineDate(dossier(), id, extra)!;
    expect(letter.answerBy?.date).toBe(date);
    expect(letter.body.join('\n')).toContain(fr(date));
  });

  it('recours_cra quotes the 2-month referral limit of R142-1 (05/11/2026 → 05/01/2027)', () => {
    expect(draft('recours_cra', cpamDossier()).body.join('\n')).toContain('expire le 05/01/2027');
  });

  it('mise en demeure gives 15 days by default, or the days asked (C. civ. art. 1344)', () => {
    expect(draft('mise_en_demeure', exampleDossier()).answerBy?.date).toBe('2026-12-08');
    expect(draft('mise_en_demeure', exampleDossier(), { answerDays: 30 }).answerBy?.date).toBe('2026-12-23');
  });

  it('resiliation at any time takes effect 1 month after receipt (L221-10-2)', () => {
    const letter = draft('resiliation', exampleDossier(), { terminationGround: 'anytime' });
    expect(letter.answerBy?.date).toBe(
      engineDate(exampleDossier(), 'termination.effective', {
        terminationGround: 'anytime',
        terminationRequestSentOn: '2026-11-23',
        terminationReceivedOn: '2026-11-23',
      }),
    );
  });
});

describe('termination cites the code of the organisation (docs/sources.md §5; C. assur. read on doctrine.fr, senat.fr)', () => {
  it.each([
    { kind: 'mutuelle', ground: 'anytime', article: 'L221-10-2 du Code de la mutualité' },
    { kind: 'mutuelle', ground: 'situation_change', article: 'L221-17 du Code de la mutualité' },
    { kind: 'insurer', ground: 'anytime', article: 'L113-15-2 du Code des assurances' },
    { kind: 'insurer', ground: 'situation_change', article: 'L113-16 du Code des assurances' },
  ] as const)('$kind, $ground → $article', ({ kind, ground, article }) => {
    const dossier = aDossier({ organisation: { kind } });
    dossier.dossier.facts = { ...dossier.dossier.facts, situationChangeOn: '2026-10-15' };
    expect(draft('resiliation', dossier, { terminationGround: ground }).body.join('\n')).toContain(article);
  });

  it('annual termination too late is refused with the engine’s explanation (L113-12: 2 months before renewal)', () => {
    const result = draftLetter('resiliation', aDossier({ organisation: { kind: 'insurer' } }), {
      terminationGround: 'annual',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe('options.terminationGround');
  });
});

describe('refusals name the field to fix', () => {
  it.each([
    { type: 'recours_cra', dossier: exampleDossier, field: 'type', code: 'not_applicable' },
    { type: 'defenseur_des_droits', dossier: exampleDossier, field: 'type', code: 'not_applicable' },
    { type: 'resiliation', dossier: cpamDossier, field: 'type', code: 'not_applicable' },
    {
      type: 'portabilite',
      dossier: exampleDossier,
      field: 'dossier.facts.employmentContractEndOn',
      code: 'missing_fact',
    },
    {
      type: 'demande_piece',
      dossier: exampleDossier,
      field: 'options.requestedDocuments',
      code: 'missing_option',
    },
    { type: 'reponse_motivee', dossier: exampleDossier, field: 'options.decision', code: 'missing_option' },
  ] as const)('$type → $field', ({ type, dossier, field, code }) => {
    const result = draftLetter(type, dossier());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code, field });
  });

  it('relance without a complaint date', () => {
    const result = draftLetter('relance', aDossier({ dossier: { facts: {} } }));
    expect(!result.ok && result.error.field).toBe('dossier.facts.complaintSentOn');
  });

  it('an invalid dossier names the field', () => {
    const result = draftLetter('reclamation', { ...exampleDossier(), today: '2026-02-30' });
    expect(!result.ok && result.error.field).toBe('today');
  });
});

describe('a reasoned answer always names the competent mediator (ACPR 2024-R-02; C. consom. L616-1)', () => {
  it('names him and says how to seize him', () => {
    const text = draft('reponse_motivee', exampleDossier(), DECISION).body.join('\n');
    expect(text).toContain('Médiateur de la Mutualité Française');
    expect(text).toContain('mediateur-mutualite.fr');
    expect(text).toContain('15/09/2027');
  });

  it('is impossible when the organisation has no mediator', () => {
    const result = draftLetter('reponse_motivee', aDossier({ organisation: { mediator: null } }), DECISION);
    expect(!result.ok && result.error.code).toBe('mediator_required');
  });

  it('refuses an edited text that drops the mediator', () => {
    const letter = draft('reponse_motivee', exampleDossier(), DECISION);
    const mediator = letterDossierSchema.parse(exampleDossier()).organisation.mediator!;
    const result = withEditedText(
      letter,
      { subject: letter.subject, bodyText: 'Votre demande est rejetée.\n\nCordialement.' },
      mediator,
    );
    expect(!result.ok && result.error).toMatchObject({ code: 'mediator_required', field: 'bodyText' });
  });

  it('a CPAM answer points to the CRA within 2 months (R142-1) and the CPAM mediator', () => {
    const text = draft('reponse_motivee', cpamDossier(), DECISION).body.join('\n');
    expect(text).toContain('commission de recours amiable');
    expect(text).toContain('R142-1');
    expect(text).toContain('médiateur de votre CPAM');
  });
});

describe('edited text and French typography', () => {
  it('an edited text renders as its paragraphs, the frame unchanged', () => {
    const letter = draft('reclamation', exampleDossier());
    const edited = withEditedText(letter, {
      subject: 'Ma réclamation',
      bodyText: 'Madame,\n\nPremier paragraphe : ici.\n\n\nSecond ?',
    });
    expect(edited.ok && edited.value.body).toEqual([
      'Madame,',
      `Premier paragraphe${NBSP}: ici.`,
      `Second${NBSP}?`,
    ]);
    expect(edited.ok && edited.value.recipient).toEqual(letter.recipient);
    expect(edited.ok && edited.value.enclosures).toEqual(letter.enclosures);
  });

  it('the editor’s text round-trips to the same paragraphs', () => {
    const letter = draft('saisine_mediateur', exampleDossier());
    expect(paragraphsOf(bodyText(letter))).toEqual([letter.salutation, ...letter.body, letter.closing]);
    const stored = letterFromText('saisine_mediateur', exampleDossier(), {
      subject: letter.subject,
      bodyText: bodyText(letter),
    });
    expect(stored.ok && stored.value.recipient).toEqual(letter.recipient);
  });

  it.each([
    { input: 'Objet : test', output: `Objet${NBSP}: test` },
    { input: 'Pourquoi ?', output: `Pourquoi${NBSP}?` },
    { input: '« citation »', output: `«${NBSP}citation${NBSP}»` },
    { input: '«citation»', output: `«${NBSP}citation${NBSP}»` },
    { input: '300 % BR', output: `300${NBSP}% BR` },
    { input: "l'adhérent", output: 'l’adhérent' },
    { input: 'https://exemple.fr à 10:30', output: 'https://exemple.fr à 10:30' },
  ])('$input', ({ input, output }) => {
    expect(frenchTypography(input)).toBe(output);
    expect(frenchTypography(frenchTypography(input))).toBe(output);
  });

  it('amounts are written 1 234,56 € with no-break spaces', () => {
    expect(formatAmount(123456)).toBe(`1${NBSP}234,56${NBSP}€`);
    expect(draft('reclamation', exampleDossier()).body.join('\n')).toContain(`111,00${NBSP}€`);
  });
});

describe('chronology and mediation checks', () => {
  it('lists facts, contacts, letters and documents oldest first, a sent letter once', () => {
    const entries = chronology(letterDossierSchema.parse(exampleDossier()));
    const dates = entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(entries.filter((e) => e.date === '2026-09-15' && e.kind !== 'document')).toHaveLength(1);
    expect(entries.some((e) => e.kind === 'contact')).toBe(true);
  });

  it.each([
    {
      why: 'example: complaint 15/09/2026, no answer',
      facts: { complaintSentOn: '2026-09-15' },
      admissible: true,
      failing: [],
    },
    {
      why: 'premature (L612-2; 2 months not over)',
      facts: { complaintSentOn: '2026-11-01' },
      admissible: false,
      failing: ['answer_or_two_months'],
    },
    {
      why: 'negative answer opens it at once',
      facts: { complaintSentOn: '2026-11-01', answerReceivedOn: '2026-11-20', answerOutcome: 'rejected' },
      admissible: true,
      failing: [],
    },
    {
      why: 'more than a year (L612-2 4°)',
      facts: { complaintSentOn: '2025-09-15' },
      admissible: false,
      failing: ['within_one_year'],
    },
    {
      why: 'a court is seized (L612-2 3°)',
      facts: { complaintSentOn: '2026-09-15', tribunalSeizedOn: '2026-11-02' },
      admissible: false,
      failing: ['no_court'],
    },
    {
      why: 'no written complaint (L612-2 1°)',
      facts: {},
      admissible: false,
      failing: ['prior_written_complaint', 'answer_or_two_months', 'within_one_year'],
    },
  ] as { why: string; facts: Record<string, string>; admissible: boolean; failing: string[] }[])(
    '$why',
    ({ facts, admissible, failing }) => {
      const dossier = aDossier({ dossier: { facts: facts as LetterDossierInput['dossier']['facts'] } });
      dossier.letters = [];
      const result = mediationChecks(letterDossierSchema.parse(dossier));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.admissible).toBe(admissible);
      expect(result.value.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(failing);
    },
  );
});

describe('facts recorded when a letter is sent', () => {
  it.each([
    { type: 'reclamation', facts: {}, patch: { complaintSentOn: '2026-11-23' } },
    { type: 'reclamation', facts: { complaintSentOn: '2026-09-15' }, patch: {} },
    { type: 'saisine_mediateur', facts: {}, patch: { mediatorSeizedOn: '2026-11-23' } },
    { type: 'recours_cra', facts: {}, patch: { craSeizedOn: '2026-11-23' } },
    { type: 'resiliation', facts: {}, patch: { terminationRequestSentOn: '2026-11-23' } },
    { type: 'accuse_reception', facts: {}, patch: { acknowledgedOn: '2026-11-23' } },
    { type: 'mise_en_demeure', facts: {}, patch: {} },
  ] as const)('$type with $facts → $patch', ({ type, facts, patch }) => {
    expect(factsAfterSending(type, '2026-11-23', facts).patch).toEqual(patch);
  });

  it('a reasoned answer records its date and outcome', () => {
    expect(
      factsAfterSending('reponse_motivee', '2026-11-23', {}, { answerOutcome: 'partial' }).patch,
    ).toEqual({
      answerReceivedOn: '2026-11-23',
      answerOutcome: 'partial',
    });
  });
});

describe('who writes which letter', () => {
  const file = {
    memberId: 'm1',
    organisationId: 'o1',
    mediatorId: 'med1',
    transmittedAt: '2026-11-01T10:00:00Z',
  };
  it.each([
    { role: 'member', id: 'm1', org: null, type: 'reclamation', allowed: true },
    { role: 'member', id: 'm1', org: null, type: 'reponse_motivee', allowed: false },
    { role: 'handler', id: 'h1', org: 'o1', type: 'reponse_motivee', allowed: true },
    { role: 'supervisor', id: 's1', org: 'o1', type: 'accuse_reception', allowed: true },
    { role: 'handler', id: 'h1', org: 'o1', type: 'saisine_mediateur', allowed: false },
    { role: 'mediator', id: 'med1', org: null, type: 'saisine_mediateur', allowed: false },
    { role: 'auditor', id: 'a1', org: 'o1', type: 'reponse_motivee', allowed: false },
  ] as const)('$role writes $type: $allowed', ({ role, id, org, type, allowed }) => {
    expect(letterWriteRefusal({ id, role, organisationId: org }, file, type) === undefined).toBe(allowed);
  });
});
