import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible } from './support/browser.ts';
import { useSession } from './support/session.ts';

describe.skipIf(!browserAvailable)('« Tendances » in the back office (issue 15)', () => {
  const session = useSession();

  it('a supervisor reaches it from the menu, imports a clause and sees it to rewrite, with the rule changes', async () => {
    const page = await session.signIn('superviseur@demo.recours.fr');
    await page.getByRole('link', { name: 'Tendances' }).click();
    await page.getByRole('heading', { name: 'Tendances', level: 1 }).waitFor();
    // No weekly run yet: the page says so in French instead of an empty chart.
    await page.getByText(/aucun calcul n’a encore eu lieu/).waitFor();
    await page.getByRole('heading', { name: 'Thèmes dans les mots des adhérents' }).waitFor();

    await page
      .getByLabel('Texte du contrat')
      .fill(
        'Article 1 – Résiliation\nConformément aux dispositions de l’article L221-10-3 du Code de la mutualité, la dénonciation de l’adhésion par le membre participant, qui peut intervenir à tout moment à l’expiration d’un délai d’un an à compter de la première souscription, prend effet un mois après notification.\nArticle 2 – Exclusions\nCoverage excludes any treatment performed abroad without prior approval.',
      );
    await page.getByRole('button', { name: 'Importer et relire' }).click();
    await page.getByText('2 clauses importées et relues.').waitFor();
    const toRewrite = page.locator('section[aria-labelledby="clauses-titre"] ol');
    await toRewrite.getByText('Article 1 – Résiliation').waitFor();
    await toRewrite.getByText(/ne semble pas rédigé en français/).waitFor();

    await page.getByLabel('Du', { exact: true }).fill('2026-03-01');
    await page.getByLabel('Au', { exact: true }).fill('2026-03-31');
    await page.getByRole('button', { name: 'Afficher la période' }).click();
    const rules = page.locator('section[aria-labelledby="regles-titre"]');
    await rules.getByText(/Forfait journalier hospitalier — le 01\/03\/2026/).waitFor();
    expect(await rules.textContent()).toMatch(/23,00\u00a0€/);
    await expectAccessible(page, 'tendances');
  });

  it('a handler has no menu entry and is told the page is for supervisors', async () => {
    const page = await session.signIn('conseiller@demo.recours.fr');
    await page.getByRole('link', { name: 'Registre' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Tendances' }).count()).toBe(0);
    await page.goto(`${session.url}/tendances`);
    await page.getByRole('heading', { name: 'Accès réservé aux superviseurs' }).waitFor();
  });
});
