import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { proofProblems } from '../src/domain/audit/proof.ts';
import { browserAvailable, expectAccessible, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

/** An event type code as the server stores it (dossier.viewed…): never shown to a person. */
const TYPE_CODE =
  /\b(account|contact|document|dossier|ethics|letter|mediation|medical|member|message|register|report)\.[a-z_]+\b/;

describe.skipIf(!browserAvailable)('the auditor’s page: integrity, checkpoints, history', () => {
  const session = useSession();

  const rows = (page: Page) => page.locator('table.audit-events tbody tr');

  it('runs the verification, filters the history by event, file and author, and exports it', async () => {
    const page = await session.signIn('auditeur@demo.recours.fr');
    // The auditor reads a few files first (each reading is logged): the history then fills more than one page.
    const api = page.context().request;
    const created = await (
      await api.get(`${session.url}/api/v1/audit/events?type=dossier.created&limit=10`)
    ).json();
    for (const round of [1, 2]) {
      for (const e of created.events as { dossierId: string }[]) {
        expect(
          (await api.get(`${session.url}/api/v1/dossiers/${e.dossierId}`)).status(),
          `lecture ${round}`,
        ).toBe(200);
      }
    }
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Historique et intégrité' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Historique et intégrité' }).waitFor();
    expect(await page.title()).toBe('Historique et intégrité — Recours');

    // The verification of the freshly seeded demo: intact, with the counts in French.
    await page.getByRole('button', { name: 'Lancer la vérification' }).click();
    const verdict = page.getByRole('status').filter({ hasText: 'L’historique est intègre' });
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.textContent()).toMatch(/\d+\u00a0événements vérifiés dans \d+\u00a0historiques/);

    // The history: newest first, 50 a page, French labels only.
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(50);
    await expectAccessible(page, 'la page de l’auditeur');
    await screenshot(page, 'audit-01-verification-historique');
    expect(await page.locator('main').textContent()).not.toMatch(TYPE_CODE);

    // Older events: another page, and back.
    const firstNumber = await rows(page).first().locator('td').first().textContent();
    await page.getByRole('button', { name: 'Plus anciens' }).click();
    await page.getByText('Page 2', { exact: true }).waitFor();
    await expect.poll(() => rows(page).first().locator('td').first().textContent()).not.toBe(firstNumber);
    await page.getByRole('button', { name: 'Plus récents' }).click();
    await page.getByText('Page 1', { exact: true }).waitFor();

    // Filter on one kind of event: every row reads so.
    await page.getByLabel('Événement').selectOption({ label: 'Consultation du dossier' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect
      .poll(async () => new Set(await rows(page).locator('td:nth-child(3)').allTextContents()))
      .toEqual(new Set(['Consultation du dossier']));

    // Then on one file, by its reference as staff know it.
    const reference = (await rows(page).first().locator('td:nth-child(4) a').textContent())!;
    await page.getByLabel('Référence du dossier').fill(reference);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect
      .poll(async () => new Set(await rows(page).locator('td:nth-child(4)').allTextContents()))
      .toEqual(new Set([reference]));

    // Then on one author, by clicking his name.
    const author = rows(page).first().locator('td:nth-child(5) button');
    const name = (await author.textContent())!.replace(' (ne voir que ses actions)', '');
    await author.click();
    await page.getByText(`Actions de ${name} seulement.`).waitFor();
    await expect
      .poll(async () => new Set(await rows(page).locator('td:nth-child(5) button').allTextContents()))
      .toEqual(new Set([`${name} (ne voir que ses actions)`]));

    // A period that ends before it starts is refused next to the field, in French.
    await page.getByLabel('Depuis le').fill('2026-05-10');
    await page.getByLabel('Jusqu’au').fill('2026-05-01');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('La fin de la période doit être le même jour que le début, ou après.').waitFor();
    await page.getByLabel('Depuis le').fill('');
    await page.getByLabel('Jusqu’au').fill('');
    await screenshot(page, 'audit-02-historique-filtre');

    // The CSV export carries the same filters, French labels and no type code.
    const csvHref = (await page.getByRole('link', { name: /Exporter en CSV/ }).getAttribute('href'))!;
    const csv = await api.get(`${session.url}${csvHref}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(`;${reference};${name};`))).toBe(true);
    expect(lines.slice(1).every((l) => l.includes(';Consultation du dossier;'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(TYPE_CODE);

    // The proof of an event checks offline against its signed checkpoint.
    const proofHref = (await rows(page)
      .first()
      .getByRole('link', { name: /Télécharger/ })
      .getAttribute('href'))!;
    const proof = await (await api.get(`${session.url}${proofHref}`)).json();
    expect(proofProblems(proof, new Set([proof.checkpoint.keyId]))).toEqual([]);

    // That proof sealed the log: its checkpoint is listed and downloads as the file an auditor keeps.
    await page.reload();
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /^Télécharger le point de contrôle/ })
      .first()
      .click();
    const file = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(file).toMatchObject({ keyId: proof.checkpoint.keyId, signature: expect.any(String) });
    expect(file.treeSize).toBeGreaterThanOrEqual(proof.checkpoint.treeSize);
  });

  it('is not in the menu of a handler, and the page says who may open it', async () => {
    const page = await session.signIn('conseiller@demo.recours.fr');
    const menu = page.getByRole('navigation', { name: 'Menu principal' });
    await menu.getByRole('link', { name: 'Registre' }).waitFor();
    expect(await menu.getByRole('link', { name: 'Historique et intégrité' }).count()).toBe(0);
    await page.goto(`${session.url}/historique`);
    await page.getByRole('heading', { name: 'Accès réservé aux auditeurs' }).waitFor();
  });
});
