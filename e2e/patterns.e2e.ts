import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible } from './support/browser.ts';
import { useSession } from './support/session.ts';

describe.skipIf(!browserAvailable)('« Tendances » in the back office (issue 15)', () => {
  const session = useSession();

  it('a supervisor reaches it from the menu, reads the stored themes, imports a clause and sees it to rewrite, with the rule changes', async () => {
    const page = await session.signIn('superviseur@demo.recours.fr');
    await page.getByRole('link', { name: 'Tendances' }).click();
    await page.getByRole('heading', { name: 'Tendances', level: 1 }).waitFor();
    // No weekly run yet: the page says so in French instead of an empty chart.
    await page.getByText(/aucun calcul n’a encore eu lieu/).waitFor();
    await page.getByRole('heading', { name: 'Thèmes dans les mots des adhérents' }).waitFor();
    // The themes are the ones the weekly job stored (the demo data stores a run): read, not computed here.
    const themes = page.locator('section[aria-labelledby="themes-titre"]');
    await themes.getByText(/Seize semaines du .* calculées le/).waitFor();
    await themes
      .getByText(/Termes caractéristiques/)
      .first()
      .waitFor();

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

  it('a supervisor edits a clause, deletes one after confirming, and imports the membership per product', async () => {
    const page = await session.signIn('superviseur@demo.recours.fr');
    await page.getByRole('link', { name: 'Tendances' }).click();
    const section = page.locator('section[aria-labelledby="clauses-titre"]');
    await section.getByText(/Clauses importées \(2\)/).click();

    await section.getByRole('button', { name: 'Modifier la clause « Article 2 – Exclusions »' }).click();
    await section.getByLabel('Texte de la clause').fill('   ');
    await section.getByRole('button', { name: 'Enregistrer et relire' }).click();
    await section.getByText(/Le texte de la clause est vide/).waitFor();
    await section
      .getByLabel('Texte de la clause')
      .fill('Les soins reçus à l’étranger sont remboursés après accord préalable de la mutuelle.');
    await section.getByRole('button', { name: 'Enregistrer et relire' }).click();
    await section.getByRole('button', { name: 'Modifier la clause « Article 2 – Exclusions »' }).waitFor();
    await section.getByText(/ne semble pas rédigé en français/).waitFor({ state: 'detached' });

    await section.getByRole('button', { name: 'Supprimer la clause « Article 1 – Résiliation »' }).click();
    const confirm = section.getByRole('alert');
    await confirm.getByText(/Supprimer définitivement la clause « Article 1 – Résiliation »/).waitFor();
    await confirm.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await section.getByText(/Clauses importées \(1\)/).waitFor();

    const form = page.locator('form[aria-labelledby="effectifs-form-titre"]');
    await form.getByLabel('Date du décompte').fill('2026-01-01');
    await form.getByLabel('Produit 1', { exact: true }).fill('Santé Plus');
    await form.getByLabel('Adhérents du produit 1').fill('beaucoup');
    await form.getByRole('button', { name: 'Enregistrer les effectifs' }).click();
    await form.getByText(/Ligne 1 : indiquez le nom du produit et un nombre entier/).waitFor();
    await form.getByLabel(/Importer un fichier/).setInputFiles({
      name: 'effectifs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Produit;Adhérents\nSanté Plus;12 500\nSanté Essentiel;800\n'),
    });
    expect(await form.getByLabel('Adhérents du produit 2').inputValue()).toBe('800');
    await form.getByRole('button', { name: 'Enregistrer les effectifs' }).click();
    await form.getByText('Effectifs enregistrés pour 2 produits.').waitFor();
    const table = page.locator('section[aria-labelledby="effectifs-titre"] table');
    await table.getByRole('row', { name: /Santé Plus 01\/01\/2026 12\s500/ }).waitFor();
    await expectAccessible(page, 'tendances-clauses-effectifs');
  });

  it('a handler has no menu entry and is told the page is for supervisors', async () => {
    const page = await session.signIn('conseiller@demo.recours.fr');
    await page.getByRole('link', { name: 'Registre' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Tendances' }).count()).toBe(0);
    await page.goto(`${session.url}/tendances`);
    await page.getByRole('heading', { name: 'Accès réservé aux superviseurs' }).waitFor();
  });
});
