import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { letters, medicalOpinions } from '../schema.ts';
import { deleteContactsOf } from './dossier-contacts.ts';
import { deleteDocumentsOf } from './dossier-documents.ts';
import { deleteMessagesOf } from './dossier-messages.ts';
import { deleteNotificationsOf } from './dossier-notifications.ts';
import { updateDossier } from './dossier-updates.ts';
import type { DossierRow } from './dossiers.ts';

/**
 * Erases the personal data of one file (RGPD art. 17): its pieces and their bytes, contacts, messages, letters,
 * medical opinions and notifications are deleted; the file row stays with its id, category, status and dates only, so that the
 * audit chain and the statistics keep their meaning. Call inside the transaction that logs the erasure.
 */
export async function erasePersonalData(db: Db, dossier: DossierRow, now: Date) {
  const documents = await deleteDocumentsOf(db, dossier.id);
  await deleteContactsOf(db, dossier.id);
  await deleteMessagesOf(db, dossier.id);
  await deleteNotificationsOf(db, dossier.id);
  await db.delete(letters).where(eq(letters.dossierId, dossier.id));
  // The medical adviser's opinions are the member's health data too (C. santé publ. L1110-4).
  await db.delete(medicalOpinions).where(eq(medicalOpinions.dossierId, dossier.id));
  const row = await updateDossier(db, dossier.id, {
    title: 'Dossier effacé',
    description: '',
    organisationName: 'Organisme effacé',
    amountCents: null,
    memberNumber: null,
    organisationReference: null,
    facts: {},
    contract: null,
    decisionReason: null,
    satisfactionComment: null,
    idempotencyKey: null,
    erasedAt: now,
    updatedAt: now,
  });
  return { dossier: row, documents };
}
