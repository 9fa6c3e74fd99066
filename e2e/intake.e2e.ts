import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

/** Today in Paris as the form expects it (23/11/2026): the server's clock is the real one. */
function todayInParis(): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(new Date());
}

describe.skipIf(!browserAvailable)('a complaint received outside Recours (issue 17)', () => {
  const session = useSession();

  it('a handler records a telephone complaint for a new member, who claims it with his code', async () => {
    const handler = await session.signIn('conseiller@demo.recours.fr');
    await handler.goto(`${session.url}/registre/nouvelle-reclamation`);
    await handler.getByRole('heading', { name: 'Enregistrer une réclamation', level: 1 }).waitFor();

    // Sending the empty form: a French summary that says what to fix, nothing recorded.
    await handler.getByRole('button', { name: 'Enregistrer la réclamation' }).click();
    const summary = handler.locator('.error-summary, [role="alert"]').first();
    await summary.waitFor();
    const summaryText = (await summary.textContent()) ?? '';
    expect(summaryText).toMatch(/canal|date|objet|adhérent/i);
    expect(summaryText).not.toMatch(/receivedOn|memberId|channel|undefined/);

    await handler.getByRole('button', { name: 'Adhérent introuvable : créer sa fiche' }).click();
    await handler.getByLabel('Nom et prénom').fill('Jeanne Testard');
    await handler.getByLabel('Numéro d’adhérent').fill('MD-7788-0001');
    await handler.getByLabel('Canal').selectOption({ label: 'Téléphone' });
    await handler.getByLabel('Date de réception').fill(todayInParis());
    await handler.getByLabel('Objet').fill('Prothèse auditive non remboursée');
    await handler
      .getByLabel('Texte de la réclamation')
      .fill(
        'L’adhérente appelle : sa prothèse auditive de mars n’a été remboursée que par la Sécurité sociale, la part mutuelle manque.',
      );
    await handler.getByLabel('Catégorie').selectOption({ index: 1 });
    await expectAccessible(handler, 'intake record form');
    await handler.getByRole('button', { name: 'Enregistrer la réclamation' }).click();

    await handler.getByRole('heading', { name: 'Réclamation enregistrée', level: 1 }).waitFor();
    // A call is an oral complaint: the member is invited to confirm it in writing (ACPR 2024-R-02).
    await handler.getByText(/Invitation à confirmer par écrit envoyée/).waitFor();
    const codeText = (await handler.getByText(/Code de rattachement de l’adhérent/).textContent()) ?? '';
    const code = /:\s*(\S+)\s*$/.exec(codeText.replace(/\u00a0/g, ' '))?.[1];
    expect(code, codeText).toBeTruthy();
    await screenshot(handler, 'intake-recorded');

    // The file is in the register at once, found by the search.
    await handler.goto(`${session.url}/registre`);
    await handler.getByLabel('Rechercher dans les dossiers').fill('prothèse auditive');
    await handler.getByRole('button', { name: 'Rechercher' }).click();
    await handler
      .locator('table.register-table tbody tr')
      .filter({ hasText: 'Prothèse auditive non remboursée' })
      .first()
      .waitFor();

    // The member, once signed in, claims it with the code and his member number.
    const member = await session.signIn('adherent2@demo.recours.fr');
    await member.goto(`${session.url}/rattacher-un-dossier`);
    await member.getByLabel('Code de rattachement').fill('FAUX-CODE');
    await member.getByLabel('Numéro d’adhérent').fill('MD-7788-0001');
    await member.getByRole('button', { name: 'Rattacher à mon compte' }).click();
    // A wrong code is refused in French; nothing is attached.
    await member.locator('.error-summary, [role="alert"]').first().waitFor();
    await member.getByLabel('Code de rattachement').fill(code!);
    await member.getByRole('button', { name: 'Rattacher à mon compte' }).click();
    await member.getByText('Un dossier a été rattaché').waitFor();
    await member.getByRole('link', { name: 'Voir mes dossiers' }).click();
    await member.getByText('Prothèse auditive non remboursée').first().waitFor();
    await screenshot(member, 'intake-claimed');
  });
});
