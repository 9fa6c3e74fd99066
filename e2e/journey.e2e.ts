import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

const TITLE = 'Refus de remboursement de ma prothèse dentaire';
const REQUESTED = 'Devis signé du chirurgien-dentiste';

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(text, { x: 20, y: 100, size: 11, font });
  return Buffer.from(await doc.save());
}

/**
 * The acceptance journey of issue 5, in two browser contexts: a member opens a file against Mutuelle Démo, the
 * handler treats it from the register, the member answers, the handler rejects, the member refers it to the
 * mediator, who finds it in his list.
 */
describe.skipIf(!browserAvailable)('acceptance journey: member, handler, mediator', () => {
  const session = useSession();

  const section = (page: Page, id: string) => page.locator(`section#${id}`);

  it('goes from the member’s file to the mediator', async () => {
    // 1. The member opens the file (complaint sent on 15/09/2026).
    const member = await session.signIn('adherent@demo.recours.fr', { landing: 'Mes dossiers' });
    await member.getByLabel('Organisme concerné').selectOption({ label: 'Mutuelle Démo (Mutuelle)' });
    await member.getByLabel('Catégorie').selectOption({ label: 'Remboursement contesté' });
    await member.getByLabel('Objet du litige').fill(TITLE);
    await member.getByLabel('Montant en jeu, en euros').fill('850');
    await member.getByLabel('Date d’envoi de votre réclamation écrite').fill('2026-09-15');
    await member.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await member.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const fileUrl = member.url();
    await screenshot(member, 'journey-01-adherent-dossier-ouvert');

    // Uploads the invoice, logs a call, sees his deadlines.
    const pieces = section(member, 'pieces');
    await pieces.getByLabel('Fichier').setInputFiles({
      name: 'facture.pdf',
      mimeType: 'application/pdf',
      buffer: await pdf('Facture - prothese dentaire - 850,00 EUR'),
    });
    await pieces.getByLabel('Nature de la pièce').selectOption({ label: 'Facture' });
    await pieces.getByLabel('Titre').fill('Facture de la prothèse');
    await pieces.getByRole('button', { name: 'Ajouter la pièce' }).click();
    await pieces.getByRole('heading', { name: 'Facture de la prothèse' }).waitFor();
    const contacts = section(member, 'contacts');
    await contacts.getByRole('radio', { name: /Téléphone/ }).check();
    await contacts
      .getByLabel('Ce qui a été dit')
      .fill('Le service client confirme le refus de remboursement.');
    await contacts.getByRole('button', { name: 'Noter ce contact' }).click();
    await contacts.locator('.contact-log__item').first().waitFor();
    const delais = section(member, 'delais');
    await delais.getByRole('heading', { name: 'Réponse à la réclamation' }).waitFor();
    expect(await delais.textContent()).toContain('15/11/2026');
    await delais.scrollIntoViewIfNeeded();
    await screenshot(member, 'journey-02-adherent-piece-appel-delais');

    // The file is his private draft until he sends it (issue 16).
    const summary = section(member, 'resume');
    await summary.getByText('Brouillon privé.').waitFor();
    await summary.getByRole('button', { name: 'Transmettre à l’organisme' }).click();
    await summary.getByText(/Transmis à Mutuelle Démo le/).waitFor();

    // 2. The handler finds it in the register (search), acknowledges, asks for a document.
    const handler = await session.signIn('conseiller@demo.recours.fr', {
      landing: 'Registre des réclamations',
    });
    await handler.getByLabel('Rechercher dans les dossiers').fill('prothèse');
    await handler.getByRole('button', { name: 'Rechercher' }).click();
    const link = handler.locator('table.register-table tbody tr').getByRole('link', { name: /^REC-/ });
    await expect.poll(() => handler.locator('table.register-table tbody tr').count()).toBe(1);
    await screenshot(handler, 'journey-03-conseiller-registre-recherche');
    await link.first().click();
    await handler.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(handler.url()).toBe(fileUrl);
    const handling = section(handler, 'traitement');
    await handling.getByRole('button', { name: 'Accuser réception' }).click();
    await handling.getByText('Accusé de réception enregistré').waitFor();
    await handling.getByLabel('Pièces demandées').fill(REQUESTED);
    await handling.getByRole('button', { name: 'Demander les pièces' }).click();
    await handling.getByText(/Demande envoyée à l’adhérent/).waitFor();
    await expectAccessible(handler, 'la page du dossier (conseiller)');
    await handling.scrollIntoViewIfNeeded();
    await screenshot(handler, 'journey-04-conseiller-ar-demande-piece');

    // 3. The member sees the request and uploads the document.
    await member.reload();
    const messages = section(member, 'messages');
    await expect.poll(() => messages.textContent(), { timeout: 15_000 }).toContain(REQUESTED);
    await pieces.getByLabel('Fichier').setInputFiles({
      name: 'devis.pdf',
      mimeType: 'application/pdf',
      buffer: await pdf('Devis signe - prothese dentaire'),
    });
    await pieces.getByLabel('Nature de la pièce').selectOption({ index: 1 });
    await pieces.getByLabel('Titre').fill(REQUESTED);
    await pieces.getByRole('button', { name: 'Ajouter la pièce' }).click();
    await pieces.getByRole('heading', { name: REQUESTED }).waitFor();
    await messages.scrollIntoViewIfNeeded();
    await screenshot(member, 'journey-05-adherent-demande-et-depot');

    // 4. The handler rejects, with reasons; the answer names the mediator.
    await handler.reload();
    await handling.getByRole('radio', { name: 'Rejetée' }).check();
    await handling
      .getByLabel('Motifs de la décision')
      .fill(
        'Les prothèses dentaires hors nomenclature ne sont pas couvertes par votre garantie (article 12).',
      );
    await handling.getByRole('button', { name: 'Envoyer la réponse motivée' }).click();
    const answer = handling.locator('.answer-text');
    await answer.waitFor();
    expect((await answer.textContent()) ?? '').toMatch(/médiat/i);
    await answer.scrollIntoViewIfNeeded();
    await screenshot(handler, 'journey-06-conseiller-reponse-rejet');

    // 5. The member sees the mediator step open and refers the file.
    await member.reload();
    const referral = section(member, 'mediateur');
    const refer = referral.getByRole('button', { name: 'Saisir le médiateur' });
    await expect.poll(() => refer.isEnabled(), { timeout: 15_000 }).toBe(true);
    await referral.scrollIntoViewIfNeeded();
    await screenshot(member, 'journey-07-adherent-mediation-ouverte');
    await refer.click();
    await referral.getByText('Le médiateur est saisi.').waitFor();
    await expectAccessible(member, 'la page du dossier (adhérent, médiation)');
    await screenshot(member, 'journey-08-adherent-mediateur-saisi');

    // 6. The mediator sees it in his list.
    const mediator = await session.signIn('mediateur@demo.recours.fr', { landing: 'Dossiers en médiation' });
    await mediator.getByRole('cell', { name: TITLE }).waitFor();
    await expectAccessible(mediator, 'la liste du médiateur');
    await screenshot(mediator, 'journey-09-mediateur-liste');
    await mediator
      .getByRole('row', { name: new RegExp(TITLE) })
      .getByRole('link')
      .click();
    await section(mediator, 'mediation').getByRole('heading', { name: 'Médiation', exact: true }).waitFor();
    await screenshot(mediator, 'journey-10-mediateur-dossier');

    for (const page of [member, handler, mediator]) await page.context().close();
  });
});
