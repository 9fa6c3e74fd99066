import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

describe.skipIf(!browserAvailable)('walking skeleton in Chromium', () => {
  const session = useSession();

  it('home page explains the service and passes axe', async () => {
    const page = await session.newPage();
    await page.goto(session.url);
    await expect.poll(() => page.locator('h1').first().textContent()).toBeTruthy();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectAccessible(page, 'l’accueil');
    await screenshot(page, 'foundation-01-accueil');
    await page.context().close();
  });

  it('sign-in and sign-up pages pass axe; a wrong password shows a French error', async () => {
    const page = await session.newPage();
    await page.goto(`${session.url}/inscription`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'l’inscription');
    await page.goto(`${session.url}/connexion`);
    await expectAccessible(page, 'la connexion');
    await page.getByLabel('Adresse e-mail').fill('adherent@demo.recours.fr');
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('incorrect');
    await screenshot(page, 'foundation-02-connexion-erreur');
    await page.context().close();
  });

  it('the demo member signs in and sees « Mes dossiers » with his files', async () => {
    const page = await session.newPage();
    await session.submitSignIn(page, 'adherent@demo.recours.fr');
    await page.getByRole('heading', { name: 'Mes dossiers', level: 1 }).waitFor();
    await page.getByText('Couronne dentaire remboursée 9 € au lieu de 120 €').first().waitFor();
    // Another member's file never shows.
    expect(await page.getByText('Double prélèvement de la cotisation').count()).toBe(0);
    await expectAccessible(page, 'Mes dossiers');
    await screenshot(page, 'foundation-03-mes-dossiers');
    await page.context().close();
  });

  it('the handler signs in and sees the complaint register of his organisation', async () => {
    const page = await session.newPage();
    await session.submitSignIn(page, 'conseiller@demo.recours.fr');
    await page.getByRole('heading', { name: 'Registre des réclamations', level: 1 }).waitFor();
    await page.getByText('Double prélèvement de la cotisation d’octobre').first().waitFor();
    // A file against another organisation never shows in this register.
    expect(await page.getByText('Résiliation non prise en compte').count()).toBe(0);
    await expectAccessible(page, 'le registre');
    await screenshot(page, 'foundation-04-registre');
    await page.context().close();
  });

  it('a signed-out visitor is sent to the sign-in page; the member page fits a phone', async () => {
    const page = await session.newPage({ width: 375 });
    await page.goto(`${session.url}/mes-dossiers`);
    await page.getByLabel('Adresse e-mail').waitFor();
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await session.submitSignIn(page, 'adherent@demo.recours.fr');
    await page.getByRole('heading', { name: 'Mes dossiers', level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'Mes dossiers sur téléphone');
    await screenshot(page, 'foundation-05-telephone');
    await page.context().close();
  });
});
