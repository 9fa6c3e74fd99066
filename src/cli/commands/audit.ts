import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Checkpoint } from '../../domain/audit/checkpoint.ts';
import { type ProofInput, proofProblems } from '../../domain/audit/proof.ts';
import { proveEvent, takeCheckpoint } from '../../server/audit/checkpoints.ts';
import { loadAuditKeys } from '../../server/audit/signing-key.ts';
import { verifyAuditHistory } from '../../server/audit/verify.ts';
import { loadConfig } from '../../server/config.ts';
import { withDatabase } from '../database.ts';
import { CliInputError, printJson, run } from '../io.ts';

/** Exit code of a history (or a proof) that does not verify. */
const EXIT_BROKEN = 3;

function auditKeys() {
  const config = loadConfig();
  return loadAuditKeys({ ...config.audit, dataDir: config.dataDir });
}

function readJsonFile<T>(file: string, what: string): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliInputError(`Impossible de lire ${what} « ${file} » : vérifiez le chemin.`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CliInputError(`${what} « ${file} » n’est pas un JSON valide.`);
  }
}

function output(value: unknown, file: string | undefined) {
  if (file) writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  else printJson(value);
}

export function registerAudit(program: Command) {
  const audit = program.command('audit').description('Historique infalsifiable des dossiers');
  audit
    .command('verify')
    .description(
      'Vérifie tout l’historique (chaînes par dossier, journal de Merkle, points de contrôle signés) ; liste chaque rupture ; code de sortie 3 si l’historique a été altéré',
    )
    .option(
      '--checkpoint <fichier>',
      'un point de contrôle conservé hors de la base : il doit toujours être respecté',
    )
    .action((options: { checkpoint?: string }) =>
      run(() =>
        withDatabase(async (database) => {
          const keys = auditKeys();
          const external = options.checkpoint
            ? readJsonFile<Checkpoint>(options.checkpoint, 'le point de contrôle')
            : undefined;
          const trusted = new Set(keys.trustedKeyIds);
          const report = await verifyAuditHistory(database, {
            trustedKeyIds: trusted,
            externalCheckpoint: external,
          });
          printJson(report);
          if (!report.ok) process.exitCode = EXIT_BROKEN;
        }),
      ),
    );
  audit
    .command('checkpoint')
    .description(
      'Scelle l’historique : intègre les événements au journal de Merkle et signe sa racine (Ed25519)',
    )
    .option('--out <fichier>', 'écrit le point de contrôle dans ce fichier (à conserver hors de la base)')
    .action((options: { out?: string }) =>
      run(() =>
        withDatabase(async (database) => {
          const { checkpoint } = await takeCheckpoint(database.db, auditKeys(), new Date());
          const { id: _id, ...file } = checkpoint;
          output(file, options.out);
        }),
      ),
    );
  audit
    .command('prove')
    .description(
      'Preuve d’inclusion d’un événement dans le journal scellé, vérifiable hors ligne (check-proof)',
    )
    .argument('<evenement>', 'numéro de l’événement')
    .option('--out <fichier>', 'écrit la preuve dans ce fichier')
    .action((eventId: string, options: { out?: string }) =>
      run(() =>
        withDatabase(async (database) => {
          if (!/^\d{1,15}$/.test(eventId)) {
            throw new CliInputError('Le numéro d’événement doit être un nombre entier positif.');
          }
          const proof = await proveEvent(database.db, auditKeys(), Number(eventId), new Date());
          if (!proof) throw new CliInputError(`Aucun événement ne porte le numéro ${eventId}.`);
          output(proof, options.out);
        }),
      ),
    );
  audit
    .command('check-proof')
    .description(
      'Vérifie une preuve d’inclusion sans base de données ; code de sortie 3 si elle ne tient pas',
    )
    .argument('<fichier>', 'la preuve (JSON écrit par « recours audit prove »)')
    .option(
      '--key-id <id>',
      'identifiant de la clé de signature attendue (sinon celle que la preuve déclare)',
    )
    .action((file: string, options: { keyId?: string }) =>
      run(async () => {
        const proof = readJsonFile<ProofInput>(file, 'la preuve');
        if (!proof?.checkpoint || !proof.event || !Array.isArray(proof.path)) {
          throw new CliInputError(`« ${file} » n’est pas une preuve d’inclusion de Recours.`);
        }
        const trusted = new Set([options.keyId ?? proof.checkpoint.keyId]);
        const problems = proofProblems(proof, trusted);
        printJson({
          ok: problems.length === 0,
          eventId: proof.eventId,
          leafIndex: proof.leafIndex,
          treeSize: proof.checkpoint.treeSize,
          keyId: proof.checkpoint.keyId,
          problems,
        });
        if (problems.length > 0) process.exitCode = EXIT_BROKEN;
      }),
    );
}
