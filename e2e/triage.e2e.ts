import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

const TEXT = "ma mutuelle ne m'a remboursé que 9 € sur ma couronne";

/** A calendar day some days before today (the server reads dates against its own clock, in Paris). */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!browserAvailable)('diagnostic: from free text to a pre-filled file', () => {
  const session = useSession();

  /** The heading of the question now asked (focus goes there). */
  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

  it('understands, asks only what is open, gives the next step and deadlines, and opens the file after sign-in', async () => {
    const page = await session.newPage({ width: 375 });
    await page.goto(`${session.url}/diagnostic`);
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
    // Three weeks after a written complaint the mediator is not open yet (C. consom. L612-2): remind, wait.
    await result.getByText('Relancer par écrit et attendre la réponse').first().waitFor();
    await result
      .getByText('Saisine du médiateur : Médiateur de la Mutualité Française', { exact: false })
      .waitFor();
    expect(await result.textContent()).toMatch(/du \d{2}\/\d{2}\/\d{4} au \d{2}\/\d{2}\/\d{4}/);
    // Stage and date were answered by the member: the deadlines are not marked provisional.
    expect(await result.textContent()).not.toContain('à confirmer');
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
    await session.submitSignIn(page, 'adherent@demo.recours.fr', { at: null });

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

  it('shows every date and step read in the text, lets the member confirm or correct each, and files only confirmed facts', async () => {
    const page = await session.newPage({ width: 375 });
    // Signed in first: the file is opened without confirming the date read in the text.
    await session.submitSignIn(page, 'adherent@demo.recours.fr', { at: '/connexion?retour=/diagnostic' });
    await page.getByRole('heading', { name: 'Diagnostic de votre litige', level: 1 }).waitFor();
    await page
      .getByLabel('Décrivez votre situation avec vos mots')
      .fill(
        "J'ai envoyé une lettre recommandée au service réclamations de ma mutuelle le 3 septembre, ils ne m'ont remboursé que 9 € sur ma couronne de 540 €. Toujours pas de réponse.",
      );
    await page.getByRole('button', { name: 'Analyser ma situation' }).click();

    // The date read in the text is shown with the words it came from, to be confirmed; so is the stage.
    const understood = page.getByRole('region', { name: 'Ce que j’ai compris' });
    await understood.getByText(/à confirmer, lu dans «\u00a03 septembre\u00a0»/).waitFor();
    // The stage and the date of the complaint are both shown: « Réclamation écrite envoyée » twice.
    expect(await understood.getByText('Réclamation écrite envoyée', { exact: true }).count()).toBe(2);
    await understood.getByRole('button', { name: /^Confirmer.*étape atteinte$/ }).waitFor();
    await expectAccessible(page, 'le diagnostic (dates à confirmer)');

    // « Corriger » a date: a labelled date input; the correction is said in the conversation.
    await understood.getByRole('button', { name: /^Corriger.*réclamation écrite envoyée$/ }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
      .toBe('corriger-complaintSentOn');
    const corrected = daysAgo(80);
    await page.getByLabel('Réclamation écrite envoyée, date corrigée').fill(corrected);
    await understood.getByRole('button', { name: 'Valider' }).click();
    const [y, m, d] = corrected.split('-');
    await page.getByRole('log').getByText(`réclamation écrite envoyée le ${d}/${m}/${y}`).waitFor();
    await understood.getByText('(votre réponse)').first().waitFor();

    // The stage is still a reading: « Confirmer » makes it the member's answer.
    await understood.getByRole('button', { name: /^Confirmer.*étape atteinte$/ }).click();
    await page
      .getByRole('log')
      .getByText(/C’est exact.*étape atteinte/)
      .waitFor();
    await screenshot(page, 'triage-05-dates-confirmees');

    // Skip what is still asked, then open the file: it carries the confirmed date only.
    for (let i = 0; i < 4; i++) {
      const skip = page.getByRole('button', { name: 'Je ne sais pas' });
      if ((await skip.count()) === 0) break;
      await skip.click();
    }
    const result = page.getByRole('region', { name: 'Votre diagnostic' });
    await result.waitFor();
    expect(await result.textContent()).not.toContain('Délais provisoires');
    await page.getByLabel('Organisme concerné').selectOption({ label: 'Mutuelle Démo' });
    await page.getByRole('button', { name: 'Ouvrir un dossier pré-rempli' }).click();
    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop();
    const stored = await page.evaluate(async (fileId) => {
      const response = await fetch(`/api/v1/dossiers/${fileId}`);
      return (await response.json()).dossier as { complaintSentOn: string | null };
    }, id);
    expect(stored.complaintSentOn).toBe(corrected);
    await page.context().close();
  });

  it('opens a file without the dates the member did not confirm', async () => {
    const page = await session.newPage();
    await session.submitSignIn(page, 'adherent@demo.recours.fr', { at: '/connexion?retour=/diagnostic' });
    await page
      .getByLabel('Décrivez votre situation avec vos mots')
      .fill(
        "J'ai envoyé une lettre recommandée au service réclamations de ma mutuelle le 3 septembre pour mes lunettes remboursées 20 € au lieu de 150 €, sans réponse.",
      );
    await page.getByRole('button', { name: 'Analyser ma situation' }).click();
    await page.getByRole('region', { name: 'Ce que j’ai compris' }).waitFor();
    for (let i = 0; i < 4; i++) {
      const skip = page.getByRole('button', { name: 'Je ne sais pas' });
      if ((await skip.count()) === 0) break;
      await skip.click();
    }
    const result = page.getByRole('region', { name: 'Votre diagnostic' });
    await result.waitFor();
    await result.getByText(/Délais provisoires/).waitFor();
    await page.getByLabel('Organisme concerné').selectOption({ label: 'Mutuelle Démo' });
    await page.getByRole('button', { name: 'Ouvrir un dossier pré-rempli' }).click();
    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop();
    const stored = await page.evaluate(async (fileId) => {
      const response = await fetch(`/api/v1/dossiers/${fileId}`);
      return (await response.json()).dossier as { complaintSentOn: string | null; status: string };
    }, id);
    // Read in the text, never confirmed: not a fact of the file, no clock started.
    expect(stored.complaintSentOn).toBeNull();
    expect(stored.status).toBe('draft');
    await page.context().close();
  });
});
