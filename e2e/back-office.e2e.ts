import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const PASSWORD = 'Recours-Demo-2026';

describe.skipIf(!browserAvailable)('the complaint register of the back office', () => {
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

  async function signIn(email: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    return page;
  }

  const rows = (page: Page) => page.locator('table.register-table tbody tr');

  it('shows ~40 files with SLA lights in words, searches « couronne », filters red, and acts in bulk', async () => {
    const page = await signIn('conseiller@demo.recours.fr');
    await page.getByRole('heading', { name: 'Registre des réclamations', level: 1 }).waitFor();
    await rows(page).first().waitFor();

    // ~40 files in all (43 for Mutuelle Démo), 20 a page, with the total and the pages.
    const status = page.getByRole('status').filter({ hasText: 'au registre' });
    await expect.poll(() => status.textContent()).toMatch(/4\d\u00a0dossiers au registre/);
    expect(await rows(page).count()).toBe(20);
    await page
      .getByText(/Page 1 sur 3/)
      .first()
      .waitFor();

    // Traffic lights: colour + shape + words; urgency first: the first row is red.
    const first = rows(page).first();
    expect(await first.getAttribute('class')).toContain('register-row--red');
    const lights = await page.locator('.sla').allTextContents();
    expect(lights.some((t) => /^.AR\u00a0: /.test(t))).toBe(true);
    expect(lights.some((t) => /Réponse\u00a0: (dépassé|dernier jour|\d+\u00a0j restant)/.test(t))).toBe(true);
    expect(await page.locator('.sla--red').count()).toBeGreaterThan(0);
    expect(await page.locator('.sla--amber').count()).toBeGreaterThan(0);
    expect(await page.locator('.sla--green').count()).toBeGreaterThan(0);

    // Sortable columns are buttons, the sorted one says so (aria-sort).
    const urgencyHeader = page.getByRole('columnheader', { name: /Délais ACPR/ });
    expect(await urgencyHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: /Date de réclamation/ }).click();
    await expect
      .poll(() => page.getByRole('columnheader', { name: /Date de réclamation/ }).getAttribute('aria-sort'))
      .toBe('descending');
    expect(new URL(page.url()).searchParams.get('tri')).toBe('date');

    await expectAccessible(page, 'le registre');
    await screenshot(page, 'back-office-01-registre');

    // French full-text search, kept in the URL.
    await page.getByLabel('Rechercher dans les dossiers').fill('couronne');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('couronne');
    await expect
      .poll(() => page.locator('.register-toolbar [role=status]').textContent())
      .toContain('critères');
    await expect.poll(() => rows(page).count()).toBeLessThan(20);
    const found = await rows(page).allTextContents();
    expect(found.length).toBeGreaterThan(0);
    // The search also reads the description: at least one title names the crown.
    expect(found.some((t) => /couronne/i.test(t))).toBe(true);
    await screenshot(page, 'back-office-02-recherche-couronne');

    // Red only: every row's worst light is red, and the filter is in the URL (a reload keeps it).
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await page.getByLabel('Couleur des délais').selectOption('red');
    await expect.poll(() => new URL(page.url()).searchParams.get('delai')).toBe('red');
    await expect
      .poll(async () => {
        const classes = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.className));
        return classes.length > 0 && classes.every((c) => c.includes('register-row--red'));
      })
      .toBe(true);
    await page.reload();
    await rows(page).first().waitFor();
    expect(await page.getByLabel('Couleur des délais').inputValue()).toBe('red');
    await expectAccessible(page, 'le registre filtré (rouge)');
    await screenshot(page, 'back-office-03-rouge');

    // Bulk: select two files, change their priority, see a result per file.
    await rows(page).nth(0).getByRole('checkbox').check();
    await rows(page).nth(1).getByRole('checkbox').check();
    const bar = page.locator('section.bulk-bar');
    await bar.waitFor();
    expect(await bar.getByRole('heading').textContent()).toMatch(
      /Actions groupées — 2\s+dossiers sélectionnés/,
    );
    await bar.getByLabel('Priorité').selectOption('urgent');
    await bar.getByRole('button', { name: 'Changer la priorité' }).click();
    const report = page.locator('.bulk-results');
    await report.waitFor();
    expect(await report.locator('li').count()).toBe(2);
    await screenshot(page, 'back-office-04-action-groupee');
    await page.context().close();
  });

  it('fits a phone (375 px) and the mediator sees « Dossiers en médiation »', async () => {
    const page = await signIn('conseiller@demo.recours.fr', 375);
    page.on('console', (m) => console.log('[page]', m.text()));
    await page.getByRole('heading', { name: 'Registre des réclamations', level: 1 }).waitFor();
    await rows(page).first().waitFor();
    const overflow = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('body *')]
        .filter(
          (e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrapper'),
        )
        .map((e) => `${e.tagName}.${e.className}`);
      if (wide.length) console.log(wide.slice(0, 10).join(' | '));
      return document.documentElement.scrollWidth - window.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'le registre sur téléphone');
    await screenshot(page, 'back-office-05-telephone');
    await page.context().close();

    const mediator = await signIn('mediateur@demo.recours.fr');
    await mediator.getByRole('heading', { name: 'Dossiers en médiation', level: 1 }).waitFor();
    await mediator.locator('table tbody tr').first().waitFor();
    await expectAccessible(mediator, 'la liste du médiateur');
    await screenshot(mediator, 'back-office-06-mediateur');
    await mediator.context().close();
  });
});
