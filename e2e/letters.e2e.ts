import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, SCREENSHOT_DIR, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

const TITLE = 'Couronne dentaire remboursée 9 € au lieu de 120 €';
const EDITED_SENTENCE = 'Je joins de nouveau la facture de la couronne (550 €) et le tableau de garanties.';
const REGISTERED = '1A 234 567 8901 2';

/** GET a URL of the site from the page (its session cookie): status and content type. */
function fetchInPage(page: Page, url: string) {
  return page.evaluate(async (href) => {
    const response = await fetch(href, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      magic: String.fromCharCode(...bytes.slice(0, 5)),
    };
  }, url);
}

describe.skipIf(!browserAvailable)('letters and the mediation file in Chromium', () => {
  const session = useSession();
  let filePath = '';

  const lettersOf = (page: Page): Locator => page.locator('section#courriers');

  /** The « Courriers » section alone (the whole file page is very long). */
  const shot = (page: Page, name: string) =>
    lettersOf(page).screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });

  it('the member drafts a reminder, edits it, produces the PDF and notes its registered sending', async () => {
    const page = await session.signIn('adherent@demo.recours.fr', { landing: 'Mes dossiers' });
    await page.getByRole('link', { name: TITLE }).first().click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    filePath = new URL(page.url()).pathname;

    const letters = lettersOf(page);
    await page
      .getByRole('navigation', { name: 'Sommaire du dossier' })
      .getByRole('link', { name: 'Courriers' })
      .click();
    await letters.getByRole('heading', { name: 'Rédiger un courrier' }).waitFor();

    // The member is offered the member-side letters only, each with when to use it.
    const types = letters.getByRole('group', { name: 'Type de courrier' });
    await types.getByRole('radio', { name: 'Relance', exact: true }).waitFor();
    expect(await types.getByRole('radio', { name: 'Réponse motivée' }).count()).toBe(0);
    expect(await types.getByRole('radio', { name: 'Saisine du médiateur' }).count()).toBe(1);

    // No type chosen: a French error summary leads to the choice.
    await letters.getByRole('button', { name: 'Préparer le brouillon' }).click();
    const summary = letters.getByRole('alert').filter({ hasText: 'Choisissez le type de courrier' });
    await summary.waitFor();

    await types.getByRole('radio', { name: 'Relance', exact: true }).check();
    await letters.getByRole('button', { name: 'Préparer le brouillon' }).click();
    const body = letters.getByLabel('Texte du courrier');
    await body.waitFor();
    const drafted = await body.inputValue();
    expect(drafted).toContain('Madame, Monsieur');
    expect(drafted).toContain('15/09/2026');
    const subject = await letters.getByLabel('Objet du courrier').inputValue();
    expect(subject.length).toBeGreaterThan(3);

    // The member edits a sentence: one added to the first paragraph of the body.
    const paragraphs = drafted.split('\n\n');
    paragraphs[1] = `${paragraphs[1]} ${EDITED_SENTENCE}`;
    await body.fill(paragraphs.join('\n\n'));
    await expectAccessible(page, 'la rédaction d’un courrier');
    await shot(page, 'letters-01-brouillon');

    await letters.getByRole('button', { name: 'Enregistrer et produire le PDF' }).click();
    const created = letters.locator('.letter-created');
    await created.getByText('Courrier enregistré').waitFor();
    const pdfUrl = await created
      .getByRole('link', { name: /Télécharger le PDF du courrier/ })
      .getAttribute('href');
    expect(pdfUrl).toMatch(/^\/api\/v1\/dossiers\/[0-9a-f-]{36}\/letters\/[0-9a-f-]{36}\/pdf$/);
    const pdf = await fetchInPage(page, pdfUrl!);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toContain('application/pdf');
    expect(pdf.magic).toBe('%PDF-');

    // The stored text is the edited one.
    const stored = await page.evaluate(async (path) => {
      const response = await fetch(`/api/v1${path}/letters`);
      return (await response.json()) as { letters: { type: string; body: string }[] };
    }, filePath);
    expect(stored.letters.find((l) => l.type === 'relance')?.body).toContain(
      'Je joins de nouveau la facture',
    );

    // It is in the list, not sent yet, with its PDF.
    const item = letters.locator('.letter-item').filter({ hasText: 'Relance' }).last();
    await item.getByText('Pas encore envoyé').waitFor();
    expect(await item.getByRole('link', { name: /^Télécharger le PDF/ }).getAttribute('href')).toBe(pdfUrl);
    await shot(page, 'letters-02-produit');

    // Noting the sending: a registered letter needs its number (French message next to the field).
    await item.getByRole('button', { name: /^Noter l’envoi/ }).click();
    await item.getByLabel('Date d’envoi').waitFor();
    expect(
      await item.getByRole('radio', { name: 'Lettre recommandée avec accusé de réception' }).isChecked(),
    ).toBe(true);
    await item.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
    await item.locator('.field__error').filter({ hasText: 'numéro du recommandé' }).waitFor();
    expect(await item.getByLabel('Numéro de recommandé avec AR').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'l’envoi d’un courrier (erreur)');
    await shot(page, 'letters-03-envoi-erreur');

    await item.getByLabel('Numéro de recommandé avec AR').fill(REGISTERED);
    await item.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
    await item.getByText(`en recommandé avec AR n°\u00a0${REGISTERED}`).waitFor();
    const status = (await item.locator('.letter-item__status').textContent()) ?? '';
    expect(status).toMatch(/Envoyé le \d{2}\/\d{2}\/\d{4} en recommandé avec AR n°/);
    expect(await item.getByRole('button', { name: /^Noter l’envoi/ }).count()).toBe(0);
    // What the sending recorded is said, and focus lands on the new status (the button is gone).
    await item.locator('.notice--success').waitFor();
    // Focus moves in an effect after the list re-renders: wait for it rather than read it at once.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''), { timeout: 5000 })
      .toContain('letter-item__status');
    await shot(page, 'letters-04-envoye');
    await screenshot(page, 'letters-00-page-du-dossier');

    // The mediation file: each check in words (never the colour alone), with its reason, then the PDF.
    const mediation = letters.getByRole('list', { name: 'Dossier pour le médiateur' });
    await mediation.getByRole('listitem').first().waitFor();
    const checks = await mediation.getByRole('listitem').allTextContents();
    expect(checks.length).toBeGreaterThanOrEqual(4);
    for (const check of checks) expect(check).toMatch(/^[✓✗!?] ?(Remplie|Non remplie|À vérifier)/);
    expect(checks.join(' ')).toContain('réclamation');
    const bundle = letters.getByRole('link', { name: /Télécharger le dossier complet \(PDF\)/ });
    const bundleUrl = await bundle.getAttribute('href');
    expect(bundleUrl).toBe(`/api/v1${filePath}/mediation-bundle`);
    const bundlePdf = await fetchInPage(page, bundleUrl!);
    expect(bundlePdf.status).toBe(200);
    expect(bundlePdf.type).toContain('application/pdf');

    await expectAccessible(page, 'les courriers du dossier');
    await shot(page, 'letters-05-section');
    await page.context().close();
  });

  it('the section fits a 375 px phone and passes axe', async () => {
    const page = await session.signIn('adherent@demo.recours.fr', { width: 375, landing: 'Mes dossiers' });
    await page.goto(`${session.url}${filePath}`);
    const letters = lettersOf(page);
    await letters.getByText('Envoyé le').first().waitFor();
    await letters.getByRole('radio', { name: 'Mise en demeure' }).check();
    await letters.getByRole('button', { name: 'Préparer le brouillon' }).click();
    await letters.getByLabel('Texte du courrier').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'les courriers sur téléphone');
    await shot(page, 'letters-06-telephone');
    await page.context().close();
  });

  it('a handler’s reasoned answer whose edited text drops the mediator is refused, the text kept', async () => {
    const page = await session.signIn('conseiller@demo.recours.fr', { landing: 'Registre des réclamations' });
    await page.goto(`${session.url}${filePath}`);
    const letters = lettersOf(page);
    const types = letters.getByRole('group', { name: 'Type de courrier' });
    await types.getByRole('radio', { name: 'Réponse motivée' }).waitFor();
    expect(await types.getByRole('radio', { name: 'Relance', exact: true }).count()).toBe(0);
    // The member's letter is listed, but only its author's side notes its sending.
    await letters.locator('.letter-item').filter({ hasText: 'Relance' }).first().waitFor();

    await types.getByRole('radio', { name: 'Réponse motivée' }).check();
    await letters.getByLabel('Sens de la décision').selectOption({ label: 'Défavorable' });
    await letters
      .getByLabel('Motifs de la décision')
      .fill('Le contrat plafonne les couronnes à 100 % de la base de remboursement.');
    await letters.getByRole('button', { name: 'Préparer le brouillon' }).click();
    const body = letters.getByLabel('Texte du courrier');
    await body.waitFor();
    const drafted = await body.inputValue();
    const withoutMediator = drafted
      .split('\n\n')
      .filter((p) => !/médiat/i.test(p))
      .join('\n\n');
    expect(withoutMediator).not.toBe(drafted);
    await body.fill(withoutMediator);
    await letters.getByRole('button', { name: 'Enregistrer et produire le PDF' }).click();

    const alert = letters.getByRole('alert').filter({ hasText: 'médiateur compétent' });
    await alert.waitFor();
    // Nothing typed is lost; the message also sits next to the text.
    expect(await body.inputValue()).toBe(withoutMediator);
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    await letters.locator('.field__error').filter({ hasText: 'rétablissez ce passage' }).waitFor();
    await expectAccessible(page, 'la réponse motivée refusée');
    await shot(page, 'letters-07-reponse-refusee');
    await page.context().close();
  });
});
