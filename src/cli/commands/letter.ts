import type { Command } from 'commander';
import { LETTER_LABELS } from '../../domain/letters/chronology.ts';
import { draftLetter, letterText } from '../../domain/letters/draft.ts';
import { LETTER_TYPES, type LetterType, sideOf } from '../../domain/letters/schema.ts';
import { CliInputError, parseJson, printJson, readStdin, run } from '../io.ts';

interface LetterFlags {
  type?: string;
  text?: boolean;
  listTypes?: boolean;
  ground?: string;
  days?: string;
  decision?: string;
  reasons?: string;
  granted?: string;
  document?: string[];
}

function optionsOf(flags: LetterFlags): Record<string, unknown> {
  return {
    ...(flags.ground ? { terminationGround: flags.ground } : {}),
    ...(flags.days ? { answerDays: Number(flags.days) } : {}),
    ...(flags.decision
      ? {
          decision: {
            outcome: flags.decision,
            reasons: flags.reasons ?? '',
            ...(flags.granted ? { amountGrantedCents: Number(flags.granted) } : {}),
          },
        }
      : {}),
    ...(flags.document?.length ? { requestedDocuments: flags.document } : {}),
  };
}

export function registerLetter(program: Command) {
  program
    .command('letter')
    .description(
      'Rédige un courrier à partir d’un dossier (JSON sur l’entrée standard) et écrit le PDF sur la sortie standard',
    )
    .option('--type <type>', `type de courrier : ${LETTER_TYPES.join(', ')}`)
    .option('--text', 'écrit le texte rédigé (JSON : objet, texte, courrier structuré) au lieu du PDF')
    .option('--list-types', 'liste les types de courriers (JSON)')
    .option('--ground <ground>', 'résiliation : annual, anytime ou situation_change')
    .option('--days <n>', 'mise en demeure : délai laissé pour répondre, en jours (15 par défaut)')
    .option('--decision <outcome>', 'réponse motivée : accepted, partial ou rejected')
    .option('--reasons <text>', 'réponse motivée : motifs de la décision')
    .option('--granted <cents>', 'réponse motivée : montant accordé, en centimes')
    .option('--document <text...>', 'demande de pièce : pièce(s) demandée(s)')
    .addHelpText(
      'after',
      '\nExemples :\n  npx recours letter --type reclamation < src/domain/letters/example-dossier.json > lettre.pdf\n  npx recours letter --type saisine_mediateur --text < src/domain/letters/example-dossier.json\n  npx recours letter --list-types\n\nLe dossier suit letterDossierSchema (docs/letters.md).',
    )
    .action((flags: LetterFlags) =>
      run(async () => {
        if (flags.listTypes) {
          printJson({
            types: LETTER_TYPES.map((type) => ({ type, side: sideOf(type), label: LETTER_LABELS[type] })),
          });
          return;
        }
        if (!flags.type) {
          throw new CliInputError(
            `Indiquez le type de courrier : --type <${LETTER_TYPES.join('|')}>.`,
            'type',
          );
        }
        if (!(LETTER_TYPES as readonly string[]).includes(flags.type)) {
          throw new CliInputError(
            `Type de courrier inconnu : ${flags.type}. Valeurs possibles : ${LETTER_TYPES.join(', ')}.`,
            'type',
          );
        }
        const result = draftLetter(flags.type as LetterType, parseJson(await readStdin()), optionsOf(flags));
        if (!result.ok) throw CliInputError.fromDomain(result.error);
        if (flags.text) {
          printJson({ ...letterText(result.value), letter: result.value });
          return;
        }
        // pdfmake and its fonts load only when a PDF is written.
        const { renderLetterPdf } = await import('../../pdf/letter.ts');
        process.stdout.write(await renderLetterPdf(result.value));
      }),
    );
}
