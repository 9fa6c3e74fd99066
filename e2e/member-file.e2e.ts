import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

const TITLE = 'Couronne dentaire remboursée 9 €';

/** Text as read, with the no-break spaces of French typography (10 000, « … ») as plain spaces. */
const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** A tiny but valid one-page PDF: the server recognises the type from the bytes. */
async function invoicePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([300, 200]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText('Facture - couronne dentaire - 120,00 EUR', { x: 20, y: 100, size: 11, font });
  return Buffer.from(await pdf.save());
}

describe.skipIf(!browserAvailable)('the member’s file page in Chromium', () => {
  const session = useSession();

  const section = (page: Page, id: string) => page.locator(`section#${id}`);

  it('opens a file, adds an invoice, logs a call, and sees its deadlines and ladder', async () => {
    const page = await session.signIn('adherent@demo.recours.fr', { landing: 'Mes dossiers' });

    // « Mes dossiers »: personal-data actions are there.
    await page.getByRole('link', { name: /Exporter mes données/ }).waitFor();
    expect(await page.getByRole('link', { name: /Exporter mes données/ }).getAttribute('href')).toBe(
      '/api/v1/me/export',
    );

    // Open a new file → lands on its page.
    await page.getByLabel('Organisme concerné').selectOption({ label: 'Mutuelle Démo (Mutuelle)' });
    await page.getByLabel('Catégorie').selectOption({ label: 'Remboursement contesté' });
    await page.getByLabel('Objet du litige').fill(TITLE);
    await page.getByLabel('Montant en jeu, en euros').fill('111,50');
    await page.getByLabel('Date d’envoi de votre réclamation écrite').fill('2026-09-15');
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);
    const resume = section(page, 'resume');
    await expect.poll(() => resume.textContent()).toContain('111,50\u00a0€');
    await expect.poll(() => resume.textContent()).toContain('Réclamation envoyée');
    await page.getByRole('navigation', { name: 'Sommaire du dossier' }).waitFor();
    await screenshot(page, 'member-file-01-ouvert');

    // Deadlines: the organisation's acknowledgment and answer, with their dates.
    const delais = section(page, 'delais');
    await delais.getByRole('heading', { name: 'Accusé de réception de la réclamation' }).waitFor();
    await delais.getByRole('heading', { name: 'Réponse à la réclamation' }).waitFor();
    const deadlinesText = (await delais.textContent()) ?? '';
    expect(deadlinesText).toMatch(/Au plus tard le \d{2}\/\d{2}\/2026/);
    expect(deadlinesText).toContain('15/11/2026');
    await delais.getByText('Règle, source et calcul').first().click();
    await screenshot(page, 'member-file-02-delais');

    // Ladder: ordered steps with status words; the written complaint is done.
    const ladder = section(page, 'echelle');
    await ladder.getByRole('heading', { name: 'Contacter le service client' }).waitFor();
    expect(await ladder.locator('ol > li').count()).toBeGreaterThanOrEqual(5);
    expect(await ladder.textContent()).toContain('Fait');
    expect(await ladder.locator('[aria-current="step"]').count()).toBe(1);

    // Upload an invoice classified « Facture ».
    const pieces = section(page, 'pieces');
    await pieces.getByLabel('Fichier').setInputFiles({
      name: 'facture-dentiste.pdf',
      mimeType: 'application/pdf',
      buffer: await invoicePdf(),
    });
    await pieces.getByLabel('Nature de la pièce').selectOption({ label: 'Facture' });
    await pieces.getByLabel('Titre').fill('Facture du Dr Martin');
    await pieces.getByLabel('Date portée sur la pièce').fill('2026-09-02');
    await pieces.getByRole('button', { name: 'Ajouter la pièce' }).click();
    await pieces.getByRole('heading', { name: 'Facture du Dr Martin' }).waitFor();
    await expect.poll(() => pieces.locator('.document-list').textContent()).toContain('Datée du 02/09/2026');
    const invoiceItem = pieces.locator('.checklist__item', { hasText: 'Facture ou feuille de soins' });
    await expect.poll(() => invoiceItem.textContent()).toContain('(Fournie)');
    const view = pieces.getByRole('link', { name: /Voir .*Facture du Dr Martin/ });
    expect(await view.getAttribute('target')).toBe('_blank');
    const content = await page.request.get(`${session.url}${await view.getAttribute('href')}`);
    expect(content.headers()['content-type']).toBe('application/pdf');
    await pieces.scrollIntoViewIfNeeded();
    await screenshot(page, 'member-file-03-piece');

    // Log a phone call (quick entry: channel and summary).
    const contacts = section(page, 'contacts');
    await contacts.getByRole('radio', { name: /Téléphone/ }).check();
    await contacts
      .getByLabel('Ce qui a été dit')
      .fill('Le conseiller confirme le remboursement de 9 € et conseille une réclamation écrite.');
    await contacts.getByLabel('Nom de l’interlocuteur').fill('M. Durand');
    await contacts.getByRole('button', { name: 'Noter ce contact' }).click();
    await contacts.locator('.contact-log__item', { hasText: 'M. Durand' }).waitFor();
    await expect
      .poll(() => contacts.locator('.contact-log__item').first().textContent())
      .toContain('Téléphone');

    // The history tells the story, grouped by day.
    const history = section(page, 'historique');
    await expect.poll(() => history.textContent()).toContain('Vous avez ouvert le dossier.');
    await expect.poll(() => history.textContent()).toContain('Contact par téléphone avec M. Durand');

    // Messages: Mutuelle Démo is on Recours, so the conversation form is there.
    const messageBox = section(page, 'messages').getByLabel('Votre message');
    await messageBox.waitFor();

    // No silent truncation (issue 16): a 12 300-character message is kept whole, the count says what is too much
    // while typing, and sending it brings the server's refusal next to the field, the text still there.
    const tooLong = 'Ma couronne dentaire a été remboursée 9 € au lieu de 120 €. '
      .repeat(205)
      .slice(0, 12_300);
    await messageBox.fill(tooLong);
    const count = section(page, 'messages').locator('#message-texte-compte');
    expect(text(await count.textContent())).toBe('2 300 caractères de trop (10 000 au plus)');
    expect(await messageBox.getAttribute('aria-describedby')).toContain('message-texte-compte');
    await section(page, 'messages')
      .getByRole('button', { name: /Envoyer/ })
      .click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Le message n’a pas été envoyé' });
    await refusal.waitFor();
    expect(text(await refusal.textContent())).toContain('Message trop long : 10 000 caractères au plus.');
    expect(await messageBox.getAttribute('aria-invalid')).toBe('true');
    expect((await messageBox.inputValue()).length).toBe(12_300);
    await messageBox.fill('');

    await expectAccessible(page, 'la page du dossier');
    await screenshot(page, 'member-file-04-complet');

    // The same page on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await section(page, 'pieces').getByRole('heading', { name: 'Facture du Dr Martin' }).waitFor();
    await section(page, 'contacts').locator('.contact-log__item').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'la page du dossier sur téléphone');
    await screenshot(page, 'member-file-05-telephone');
    await page.context().close();
  });

  it('keeps what was typed when the contact form is refused, and the erasure dialog closes on Escape', async () => {
    const page = await session.signIn('adherent@demo.recours.fr', { width: 375, landing: 'Mes dossiers' });
    await page
      .getByRole('link', { name: 'Couronne dentaire remboursée 9 € au lieu de 120 €' })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /Couronne dentaire/ }).waitFor();
    const contacts = section(page, 'contacts');
    await contacts.getByLabel('Nom de l’interlocuteur').fill('Mme Petit');
    await contacts.getByRole('button', { name: 'Noter ce contact' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Le contact n’a pas été noté' });
    await summary.waitFor();
    expect(await contacts.getByLabel('Nom de l’interlocuteur').inputValue()).toBe('Mme Petit');
    expect(await contacts.getByLabel('Ce qui a été dit').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'member-file-06-erreur-telephone');

    await page.goto(`${session.url}/mes-dossiers`);
    const opener = page.getByRole('button', { name: 'Demander l’effacement' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: /effacement/ });
    await dialog.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 5000 })
      .toBe('Annuler');
    await screenshot(page, 'member-file-07-effacement');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 5000 })
      .toBe('Demander l’effacement');
    await page.context().close();
  });
});
