import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

/** Text as read, with the no-break spaces of French typography (1 234,56 €, « … ») as plain spaces. */
const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(!browserAvailable)('public tools in Chromium: deadlines and reimbursement check', () => {
  const session = useSession();

  async function noHorizontalScroll(page: Page) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }

  it('« Calculer mes délais »: a complaint to a mutuelle sent on 02/03/2026 is due for acknowledgment on 13/03/2026 (ACPR)', async () => {
    const page = await session.newPage();
    await page.goto(`${session.url}/delais`);
    await page.getByRole('heading', { level: 1, name: 'Calculer mes délais' }).waitFor();
    expect(await page.title()).toBe('Calculer mes délais — Recours');
    await expectAccessible(page, 'le formulaire des délais');

    await page.getByLabel('Une mutuelle').check();
    await page.getByLabel('Date du jour').fill('2026-06-15');
    await page.getByLabel('J’ai envoyé une réclamation écrite').check();
    await page.getByLabel('Réclamation envoyée le').fill('2026-03-02');
    // A receipt before the sending: the API refuses it, the message sits next to the field, nothing is lost.
    await page.getByLabel('Reçue par l’organisme le').fill('2026-03-01');
    await page.getByRole('button', { name: 'Calculer mes délais' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'erreur' });
    await summary.waitFor();
    expect(text(await summary.textContent())).toContain('antérieure');
    const received = page.getByLabel('Reçue par l’organisme le');
    expect(await received.getAttribute('aria-invalid')).toBe('true');
    expect(await received.inputValue()).toBe('2026-03-01');
    expect(await page.getByLabel('Réclamation envoyée le').inputValue()).toBe('2026-03-02');
    await expectAccessible(page, 'le formulaire des délais en erreur');
    await screenshot(page, 'tools-01-delais-erreur');

    await received.fill('');
    await page.getByRole('button', { name: 'Calculer mes délais' }).click();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Accusé de réception de la réclamation' }) });
    await card.waitFor();
    const cardText = text(await card.textContent());
    expect(cardText).toContain('Au plus tard le 13/03/2026');
    expect(cardText).toContain('Recommandation ACPR 2024-R-02');
    expect(cardText).toContain('Dépassé depuis 94 jours');
    expect(cardText).toContain('Votre mutuelle');
    // The mediator window is open, with the days left in words.
    const mediation = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^Saisine du médiateur/ }) });
    expect(text(await mediation.textContent())).toContain('Ouvert, plus que 260 jours');
    await expectAccessible(page, 'les délais calculés');
    await screenshot(page, 'tools-02-delais-resultats');

    // The documented example, on a phone.
    const phone = await session.newPage({ width: 375 });
    await phone.goto(`${session.url}/delais`);
    await phone.getByRole('button', { name: 'Charger un exemple' }).click();
    await phone.getByRole('button', { name: 'Calculer mes délais' }).click();
    await phone.getByRole('heading', { name: 'Vos délais au 15/06/2026' }).waitFor();
    await phone.getByText('Conventions de calcul retenues').click();
    await noHorizontalScroll(phone);
    await expectAccessible(phone, 'les délais sur téléphone');
    await screenshot(phone, 'tools-03-delais-telephone');
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.locator('form').isVisible()).toBe(false);
    expect(await phone.getByRole('heading', { name: 'Vos délais au 15/06/2026' }).isVisible()).toBe(true);
    await screenshot(phone, 'tools-04-delais-impression');
    await phone.context().close();
    await page.context().close();
  });

  it('« Vérifier un remboursement »: a 30 € GP visit gives 19,00 € net from the Sécurité sociale; the example shows a shortfall', async () => {
    const page = await session.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
    await page.goto(`${session.url}/verifier-remboursement`);
    await page.getByRole('heading', { level: 1, name: 'Vérifier un remboursement' }).waitFor();
    await expectAccessible(page, 'le formulaire de remboursement');

    await page.getByLabel('Son âge').check();
    await page.getByLabel('Âge, en années').fill('40');
    const act = page.getByRole('group', { name: /^Acte n°\s1/ });
    await act.getByLabel('Date des soins').fill('2026-03-12');
    await act.getByLabel('Type d’acte').selectOption({ label: 'Consultation de médecin généraliste' });
    await act.getByLabel('Prix payé, en euros').fill('30');
    await page.getByRole('button', { name: 'Vérifier le remboursement' }).click();
    await page.getByRole('heading', { name: 'Résultat de la vérification' }).waitFor();
    const net = page
      .locator('.rb-act')
      .getByRole('row', { name: /Part Sécurité sociale nette/ })
      .first();
    expect(text(await net.textContent())).toContain('19,00 €');
    // Each amount opens on its explanation and source.
    await net.getByRole('button', { name: /Détail/ }).click();
    const detail = page.locator('.rb-breakdown__detail:visible').first();
    expect(text(await detail.textContent())).toContain(
      '21,00 € − 2,00 € de participation forfaitaire = 19,00 €',
    );
    expect(text(await detail.textContent())).toContain('Source');
    await expectAccessible(page, 'le détail d’un remboursement');
    await screenshot(page, 'tools-05-remboursement-consultation');

    // A price typed wrong is refused next to its field, the rest kept.
    await act.getByLabel('Prix payé, en euros').fill('30,5,0');
    await page.getByRole('button', { name: 'Vérifier le remboursement' }).click();
    await page.getByRole('alert').filter({ hasText: 'Montant invalide' }).waitFor();
    expect(await act.getByLabel('Date des soins').inputValue()).toBe('2026-03-12');

    await page.getByRole('button', { name: 'Charger un exemple' }).click();
    await page.getByRole('button', { name: 'Vérifier le remboursement' }).click();
    const shortfalls = page.locator('.rb-shortfall');
    await shortfalls.first().waitFor();
    expect(await shortfalls.count()).toBe(2);
    const crown = text(await shortfalls.first().textContent());
    expect(crown).toContain('Il manque 120,00 €');
    expect(crown).toContain('soit 120,00 € de moins');
    await shortfalls.first().getByRole('button', { name: 'Copier' }).click();
    await expect
      .poll(async () => text(await shortfalls.first().getByRole('status').textContent()))
      .toMatch(/copi/);
    await expectAccessible(page, 'les écarts de remboursement');
    await screenshot(page, 'tools-06-remboursement-exemple');

    const phone = await session.newPage({ width: 375 });
    await phone.goto(`${session.url}/verifier-remboursement`);
    await phone.getByRole('button', { name: 'Charger un exemple' }).click();
    await noHorizontalScroll(phone);
    await screenshot(phone, 'tools-07-remboursement-formulaire-telephone');
    await phone.getByRole('button', { name: 'Vérifier le remboursement' }).click();
    await phone.getByRole('heading', { name: 'Résultat de la vérification' }).waitFor();
    await noHorizontalScroll(phone);
    await expectAccessible(phone, 'le remboursement sur téléphone');
    await screenshot(phone, 'tools-08-remboursement-telephone');
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.locator('form').isVisible()).toBe(false);
    await screenshot(phone, 'tools-09-remboursement-impression');
    await phone.context().close();
    await page.context().close();
  });

  it('both tools are in the main menu for a signed-out visitor', async () => {
    const page = await session.newPage();
    await page.goto(session.url);
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    await nav.getByRole('link', { name: 'Calculer mes délais' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calculer mes délais' }).waitFor();
    await nav.getByRole('link', { name: 'Vérifier un remboursement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vérifier un remboursement' }).waitFor();
    // After a client-side navigation the h1 takes the focus (shared <Page>).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 5000 })
      .toBe('H1');
    await page.context().close();
  });
});
