import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

describe.skipIf(!browserAvailable)('steering and administration (issue 14)', () => {
  const session = useSession();

  it('shows the supervisor the KPIs with their definitions, charts with tables, alerts and the benchmark', async () => {
    const page = await session.signIn('superviseur@demo.recours.fr');
    await page.getByRole('link', { name: 'Pilotage' }).click();
    await page.getByRole('heading', { name: 'Pilotage des réclamations', level: 1 }).waitFor();

    // Seven tiles, each with its definition on demand.
    const tiles = page.locator('.kpi-tile');
    await tiles.first().waitFor({ timeout: 60_000 });
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(7);
    const received = page.locator('[data-kpi="count"]');
    // The labels come with the definitions (their own request).
    await expect
      .poll(() => received.locator('.kpi-tile__label').textContent(), { timeout: 30_000 })
      .toBe('Réclamations reçues');
    expect(
      Number((await received.locator('.kpi-tile__value').textContent())?.replace(/\D/g, '')),
    ).toBeGreaterThan(0);
    await page.locator('[data-kpi="answeredInTimeRate"] summary').click();
    await expect
      .poll(() => page.locator('[data-kpi="answeredInTimeRate"] details').textContent(), { timeout: 30_000 })
      .toContain('2 mois');

    // Charts are drawn and their data tables sit beside them; French formats.
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(5);
    await page.getByRole('heading', { name: 'Réclamations reçues par semaine' }).waitFor();
    const weekLinks = page.locator('#graphique-volume ~ .chart-figure__body table a');
    await weekLinks
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async (error) => {
        await screenshot(page, 'steering-01-pilotage-failed');
        throw error;
      });
    expect(await weekLinks.first().textContent()).toMatch(/^\d{2}\/\d{2}$/);

    // Alerts of today and the sector's published figures, with years and sources.
    await page.getByRole('heading', { name: 'Alertes de délais aujourd’hui' }).waitFor();
    const benchmark = page.locator('.benchmark-table');
    await benchmark.waitFor();
    expect(await benchmark.textContent()).toMatch(/Médiateur de la Mutualité Française \(FNMF\), 20\d\d/);
    expect(await benchmark.textContent()).toContain('Source');

    await expectAccessible(page, 'le tableau de bord');
    await screenshot(page, 'steering-01-pilotage');

    // A bar opens the register filtered on its week.
    await page.locator('svg.chart .chart__bar--link').first().click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe('/registre');
    expect(new URL(page.url()).searchParams.get('du')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses, visibly, to demote the last admin; invites a colleague with a link', async () => {
    const page = await session.signIn('admin@demo.recours.fr');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();

    await page.getByLabel('Rôle de Nadia Haddad').selectOption('supervisor');
    await page.getByRole('button', { name: 'Changer le rôle de Nadia Haddad' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'dernier administrateur' });
    await alert.waitFor();
    expect(await page.getByLabel('Rôle de Nadia Haddad').inputValue()).toBe('admin');

    await page.getByLabel('Prénom et nom').fill('Inès Garnier');
    await page.getByLabel('Adresse e-mail professionnelle').fill('ines.garnier@demo.recours.fr');
    await page.getByLabel('Rôle', { exact: true }).selectOption('handler');
    await page.getByRole('button', { name: 'Inviter' }).click();
    const link = page.getByLabel('Lien d’invitation');
    await link.waitFor();
    expect(await link.inputValue()).toMatch(/\/invitation#jeton=/);
    await page.getByRole('rowheader', { name: /Inès Garnier/ }).waitFor();

    await expectAccessible(page, 'la page d’administration');
    await screenshot(page, 'steering-02-administration');
  });
});
