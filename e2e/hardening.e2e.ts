import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, expectAccessible, screenshot } from './support/browser.ts';
import { useSession } from './support/session.ts';

/** Issue 10: the app runs under its strict Content-Security-Policy, and a member manages his sessions. */
describe.skipIf(!browserAvailable)('hardening in Chromium', () => {
  const session = useSession();

  /** A page that records every Content-Security-Policy violation the browser reports. */
  async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
    const page = await session.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    return { page, violations };
  }

  it('runs the application and the API documentation without a policy violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(session.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto(`${session.url}/verifier-remboursement`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto(`${session.url}/api/docs/`);
    await page.locator('.swagger-ui .info').first().waitFor();
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('a member lists his sessions in « Mon compte » and closes another one', async () => {
    const signIn = async (page: Page) => {
      await session.submitSignIn(page, 'adherent2@demo.recours.fr');
      await page.getByRole('heading', { name: 'Mes dossiers', level: 1 }).waitFor();
    };
    const other = await watchedPage();
    await signIn(other.page);
    const { page, violations } = await watchedPage();
    await signIn(page);
    await page.getByRole('link', { name: /Mon compte/ }).click();
    await page.getByRole('heading', { name: 'Sessions ouvertes' }).waitFor();
    await page.getByText('(cette session)').waitFor();
    const before = await page.getByRole('button', { name: 'Fermer cette session' }).count();
    expect(before).toBeGreaterThan(0);
    await expectAccessible(page, 'Mon compte');
    await screenshot(page, 'hardening-01-mon-compte');
    await page.getByRole('button', { name: 'Fermer cette session' }).first().click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Fermer cette session' }).count())
      .toBe(before - 1);
    expect(violations).toEqual([]);
    await page.context().close();
    await other.page.context().close();
  });
});
