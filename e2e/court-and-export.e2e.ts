import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

const GLASSES = 'Lunettes : forfait optique refusé';

describe.skipIf(!browserAvailable)('the court step and the export of my data in Chromium (issue 16)', () => {
  const session = useSession();

  it('after a failed mediation, the ladder offers the requête and the letters section drafts it as a PDF', async () => {
    const page = await session.signIn('adherent2@demo.recours.fr', { landing: 'Mes dossiers' });
    await page.getByRole('link', { name: GLASSES }).first().click();
    await page.getByRole('heading', { name: GLASSES, level: 1 }).waitFor();
    const filePath = new URL(page.url()).pathname;
    // The mediation the demo file is in ended without agreement (dated through the API, as the facts form does).
    const patched = await page.evaluate(async (path) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(`/api/v1${path}/facts`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ facts: { mediatorSeizedOn: '2026-05-04', mediationEndedOn: '2026-08-03' } }),
      });
      return response.status;
    }, filePath);
    expect(patched).toBe(200);
    await page.reload();

    const ladder = page.locator('section#echelle');
    const draft = ladder.getByRole('link', { name: 'Rédiger : requête au tribunal judiciaire' });
    await draft.waitFor();
    await draft.click();
    // The document is chosen in « Rédiger un courrier », focus there, and drafted from the file.
    const letters = page.locator('section#courriers');
    const radio = letters.getByRole('radio', { name: /Requête au tribunal judiciaire/ });
    expect(await radio.isChecked()).toBe(true);
    await letters.getByRole('button', { name: 'Préparer le brouillon' }).click();
    const body = letters.getByLabel('Texte du courrier');
    await body.waitFor();
    const text = await body.inputValue();
    expect(text).toContain('Madame, Monsieur le Président');
    expect(text).toContain('article 750-1 du Code de procédure civile');
    expect(text).toContain('04/05/2026');
    expect(text).toMatch(/200,00\u00a0€/);
    expect(text).toContain('aide juridictionnelle');
    expect(text).not.toMatch(/requete_tribunal|mediatorSeizedOn|\d{4}-\d{2}-\d{2}/);
    await expectAccessible(page, 'la requête au tribunal');
    await screenshot(page, 'court-01-requete');

    await letters.getByRole('button', { name: 'Enregistrer et produire le PDF' }).click();
    const created = letters.locator('.letter-created');
    await created.getByText('Courrier enregistré').waitFor();
    const pdfUrl = await created
      .getByRole('link', { name: /Télécharger le PDF du courrier/ })
      .getAttribute('href');
    const pdf = await page.evaluate(async (href) => {
      const response = await fetch(href!);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, magic: String.fromCharCode(...bytes.slice(0, 5)) };
    }, pdfUrl);
    expect(pdf).toEqual({ status: 200, magic: '%PDF-' });
    await page.context().close();
  });

  it('the member downloads his data: a zip whose summary a person reads in the browser (axe)', async () => {
    const page = await session.signIn('adherent2@demo.recours.fr', { landing: 'Mes dossiers' });
    // The request of the page's context carries its session cookie, as the « Télécharger mes données » link does.
    const response = await page.context().request.get(`${session.url}/api/v1/me/export`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/zip');
    expect(response.headers()['content-disposition']).toMatch(/recours-mes-donnees-\d{4}-\d{2}-\d{2}\.zip/);
    const files = unzipSync(new Uint8Array(await response.body()));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['donnees.json', 'resume.html', 'resume.pdf']));
    expect(strFromU8(files['resume.pdf']!.slice(0, 5))).toBe('%PDF-');

    const reader = await page.context().newPage();
    await reader.setContent(strFromU8(files['resume.html']!));
    await reader.getByRole('heading', { name: 'Vos données sur Recours', level: 1 }).waitFor();
    await reader.getByRole('heading', { name: new RegExp(GLASSES) }).waitFor();
    const text = (await reader.locator('body').textContent()) ?? '';
    expect(text).toContain('Contacts avec l’organisme');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|undefined|mediation\b/);
    await expectAccessible(reader, 'le résumé de l’export');
    await screenshot(reader, 'export-01-resume');
    await page.context().close();
  });
});
