import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const PASSWORD = 'Recours-Demo-2026';
const TEXT = "ma mutuelle ne m'a remboursé que 9 € sur ma couronne";

/** A calendar day some days before today (the server reads dates against its own clock, in Paris). */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!browserAvailable)('diagnostic: from free text to a pre-filled file', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
    return context.newPage();
  }

  /** The heading of the question now asked (focus goes there). */
  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

  it('understands, asks only what is open, gives the next step and deadlines, and opens the file after sign-in', async () => {
    const page = await newPage(375);
    await page.goto(`${server.url}/diagnostic`);
    await page.getByRole('heading', { name: 'Diagnostic de votre litige', level: 1 }).waitFor();
    await expectAccessible(page, 'le diagnostic (vide)');

    await page.getByLabel('Décrivez votre situation avec vos mots').fill(TEXT);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // The understanding, with the words that led to it, in a polite live log.
    const log = page.getByRole('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');
    await log
      .getByText('Je comprends : un remboursement dentaire contesté auprès de votre mutuelle')
      .waitFor();
    await log
      .getByText(/«\u00a0(ne m’a |ne m'a )?rembours/)
      .first()
      .waitFor();
    await screenshot(page, 'triage-01-compris');
    await expectAccessible(page, 'le diagnostic (première réponse)');

    // Open question 1: what was already done (choice buttons); focus is on the question.
    await expect.poll(() => focusedText(page), { timeout: 10_000 }).toContain("Qu'avez-vous déjà fait");
    await page.getByRole('button', { name: 'Réclamation écrite envoyée' }).click();

    // Open question 2: when the written complaint was sent (date input).
    await page
      .getByRole('heading', { name: /À quelle date avez-vous envoyé votre réclamation écrite/ })
      .waitFor();
    await page.getByLabel('Date', { exact: true }).fill(daysAgo(21));
    await page.getByRole('button', { name: 'Valider' }).click();

    // Open question 3: the amount at stake (keyboard only).
    await page.getByRole('heading', { name: /Quel montant est en jeu/ }).waitFor();
    await page.getByLabel('Montant en euros', { exact: true }).fill('111');
    await page.keyboard.press('Enter');

    // The diagnosis: next step, why, the engine's deadlines with dates dd/mm/yyyy, documents.
    const result = page.getByRole('region', { name: 'Votre diagnostic' });
    await result.waitFor();
    await expect.poll(() => focusedText(page), { timeout: 10_000 }).toBe('Votre diagnostic');
    await result.getByText('Saisir le médiateur').first().waitFor();
    await result
      .getByText('Saisine du médiateur : Médiateur de la Mutualité Française', { exact: false })
      .waitFor();
    expect(await result.textContent()).toMatch(/du \d{2}\/\d{2}\/\d{4} au \d{2}\/\d{2}\/\d{4}/);
    await result.getByText('décompte de remboursement (relevé de prestations)').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'le diagnostic (résultat, téléphone)');
    await screenshot(page, 'triage-02-diagnostic-telephone');

    // « Corriger »: the organisation, with a select; the conversation goes on.
    await page.getByRole('button', { name: /^Corriger.*organisme$/ }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
      .toBe('corriger-organisation');
    await page.getByLabel('Organisme, corrigé').selectOption('mutuelle');
    await page.getByRole('button', { name: 'Valider' }).click();
    await log.getByText(/Correction.*organisme.*Votre mutuelle/).waitFor();
    await result.waitFor();

    // Signed out: « Ouvrir un dossier pré-rempli » sends to the sign-in page, the conversation is kept.
    await page.getByRole('button', { name: 'Ouvrir un dossier pré-rempli' }).click();
    await page.getByLabel('Adresse e-mail').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/connexion?retour=/diagnostic');
    await page.getByLabel('Adresse e-mail').fill('adherent@demo.recours.fr');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    // Back on the diagnostic, with nothing lost.
    await page.getByRole('heading', { name: 'Votre diagnostic' }).waitFor();
    await log.getByText(TEXT).waitFor();
    await page.getByLabel('Organisme concerné').selectOption({ label: 'Mutuelle Démo' });
    await screenshot(page, 'triage-03-dossier-pre-rempli');
    await page.getByRole('button', { name: 'Ouvrir un dossier pré-rempli' }).click();

    // The file's own page.
    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /remboursement dentaire contesté/i, level: 1 }).waitFor();
    await page
      .getByText(/111,00\s€/)
      .first()
      .waitFor();
    await expectAccessible(page, 'le dossier ouvert depuis le diagnostic');
    await screenshot(page, 'triage-04-dossier');
    await page.context().close();
  });
});
