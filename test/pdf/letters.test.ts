import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../src/domain/letters/draft.ts';
import type { LetterDossierInput, LetterOptionsInput, LetterType } from '../../src/domain/letters/schema.ts';
import {
  courtDossier,
  cpamDossier,
  exampleDossier,
  poleSocialDossier,
  portabilityDossier,
} from '../../src/domain/letters/test-builders.ts';
import { renderLetterPdf } from '../../src/pdf/letter.ts';
import { firstPagePng, POPPLER, pdfFonts, pdfInfo, pdfText, save } from './support.ts';

const DECISION: LetterOptionsInput = {
  decision: {
    outcome: 'partial',
    reasons: 'La base de remboursement de la couronne est de 120 €.',
    amountGrantedCents: 5_000,
  },
};

/** Each type, the file it is drafted from, and what its reader must find in the PDF. */
const CASES: {
  type: LetterType;
  dossier: () => LetterDossierInput;
  options?: LetterOptionsInput;
  recipient: string;
  expect: string[];
}[] = [
  {
    type: 'reclamation',
    dossier: exampleDossier,
    recipient: 'Mutuelle Démo',
    expect: ['111,00 €', '15/11/2026', 'Lettre recommandée avec accusé de réception'],
  },
  {
    type: 'detail_calcul',
    dossier: exampleDossier,
    recipient: 'Mutuelle Démo',
    expect: ['120,00 €', 'détail du calcul'],
  },
  {
    type: 'relance',
    dossier: exampleDossier,
    recipient: 'Mutuelle Démo',
    expect: ['15/09/2026', '15/11/2026', '111,00 €'],
  },
  {
    type: 'mise_en_demeure',
    dossier: exampleDossier,
    recipient: 'Mutuelle Démo',
    expect: ['1344', '08/12/2026', '111,00 €'],
  },
  {
    type: 'saisine_mediateur',
    dossier: exampleDossier,
    recipient: 'Médiateur de la Mutualité Française',
    expect: ['L612-2', '14/12/2026', '111,00 €'],
  },
  {
    type: 'recours_cra',
    dossier: cpamDossier,
    recipient: 'Commission de recours amiable',
    expect: ['R142-1', '05/11/2026', '05/01/2027'],
  },
  {
    type: 'resiliation',
    dossier: exampleDossier,
    options: { terminationGround: 'anytime' },
    recipient: 'Mutuelle Démo',
    expect: ['L221-10-2', '23/12/2026'],
  },
  {
    type: 'portabilite',
    dossier: portabilityDossier,
    recipient: 'Mutuelle Démo',
    expect: ['L911-8', '31/10/2026'],
  },
  {
    type: 'defenseur_des_droits',
    dossier: cpamDossier,
    recipient: 'Défenseur des droits',
    expect: ['Libre réponse 71120', '10/11/2026'],
  },
  {
    type: 'requete_tribunal',
    dossier: courtDossier,
    recipient: 'Tribunal judiciaire de Lyon',
    expect: ['111,00 €', '750-1', '05/10/2026', '16/11/2026', 'aide juridictionnelle', '14/10/2028'],
  },
  {
    type: 'saisine_pole_social',
    dossier: poleSocialDossier,
    recipient: 'Pôle social',
    expect: ['1 234,56 €', '02/11/2026', '04/01/2027', 'R142-1-A'],
  },
  {
    type: 'accuse_reception',
    dossier: exampleDossier,
    recipient: 'Camille Martin',
    expect: ['15/09/2026', '15/11/2026'],
  },
  {
    type: 'demande_piece',
    dossier: exampleDossier,
    options: { requestedDocuments: ['la facture détaillée du chirurgien-dentiste'] },
    recipient: 'Camille Martin',
    expect: ['facture détaillée'],
  },
  {
    type: 'reponse_motivee',
    dossier: exampleDossier,
    options: DECISION,
    recipient: 'Camille Martin',
    expect: ['50,00 €', 'Médiateur de la Mutualité Française', '15/09/2027'],
  },
];

describe.skipIf(!POPPLER)('letters as PDF, read back with pdftotext', () => {
  it.each(CASES)('$type', async ({ type, dossier, options, recipient, expect: phrases }) => {
    const drafted = draftLetter(type, dossier(), options);
    if (!drafted.ok) throw new Error(drafted.error.message);
    const letter = drafted.value;
    const file = save(`lettre-${type}.pdf`, await renderLetterPdf(letter));
    const text = pdfText(file);
    expect(text).toContain(recipient);
    expect(text).toContain('Lyon, le 23/11/2026');
    expect(text).toContain('Objet : ');
    expect(text).toMatch(/REC-2026-7KQ4M2|RCL-2026-0915-118/);
    for (const phrase of phrases) expect(text).toContain(phrase);
    expect(text).toMatch(/Page 1\/\d/);
    if (letter.side === 'member') {
      expect(text).toContain('Pièces jointes :');
      expect(text).toContain('Facture du chirurgien-dentiste (couronne, 550 €) (02/09/2026)');
    }
    // Accents, €, « » and œ survive extraction: the font is embedded with its Unicode map.
    expect(text).not.toMatch(/\uFFFD/);
  });

  it.each(['requete_tribunal', 'saisine_pole_social'] as const)(
    'the court document %s shows nothing meant for developers',
    async (type) => {
      const drafted = draftLetter(type, type === 'requete_tribunal' ? courtDossier() : poleSocialDossier());
      if (!drafted.ok) throw new Error(drafted.error.message);
      const text = pdfText(save(`tribunal-${type}.pdf`, await renderLetterPdf(drafted.value)));
      expect(text).not.toMatch(
        /requete_tribunal|saisine_pole_social|amountCents|facts\.|undefined|null|NaN|§/,
      );
      // Dates and amounts the French way, never ISO or with a decimal point.
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d\.\d{2} ?€/);
    },
  );

  it('embeds its fonts, declares PDF/A-2b and is A4', async () => {
    const drafted = draftLetter('reclamation', exampleDossier());
    if (!drafted.ok) throw new Error(drafted.error.message);
    const file = save('lettre-pdfa.pdf', await renderLetterPdf(drafted.value));
    const fonts = pdfFonts(file).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/Roboto.*\byes\s+yes\s+yes\b/);
    const raw = readFileSync(file).toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('/OutputIntents');
    expect(pdfInfo(file)['Page size']).toContain('595.28 x 841.89');
  });

  it('writes a PNG of the first page (pdftoppm -r 60)', async () => {
    const drafted = draftLetter('reclamation', exampleDossier());
    if (!drafted.ok) throw new Error(drafted.error.message);
    const file = save('lettre-reclamation.pdf', await renderLetterPdf(drafted.value));
    const png = firstPagePng(file, 'lettre-reclamation-p1');
    expect(png.size).toBeGreaterThan(1000);
  });
});
