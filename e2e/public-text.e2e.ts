import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { internalTextIn } from '../src/domain/shared/public-text.ts';
import { browserAvailable } from './support/browser.ts';
import { useSession } from './support/session.ts';

/**
 * Issue #11 §4: every page, as the member and as the organisation's staff, rendered in Chromium on the demo data;
 * the text a user reads must hold no notes sections, seeds, option or field names of the code, internal codes or
 * researchers' doubts (src/domain/shared/public-text.ts). The API answers behind them are searched route by route
 * in test/api/public-text.test.ts; this reads what the pages make of them.
 */
describe.skipIf(!browserAvailable)('no internal text on any page (Chromium)', () => {
  const session = useSession({ startTimeoutMs: 300_000 });

  /** Opens each path, waits for its data, and returns what internal text the page shows. */
  async function leaksOn(page: Page, who: string, paths: ReadonlyArray<string>): Promise<string[]> {
    const leaks: string[] = [];
    for (const p of paths) {
      await page.goto(`${session.url}${p}`);
      await page.waitForLoadState('networkidle');
      // The text as the page shows it, line by line (hidden nodes are not what a user reads).
      // biome-ignore lint/performance/useDomNodeTextContent: innerText is the rendered text, textContent is not
      const text = await page.locator('body').innerText();
      expect(text.length, `${who} ${p}`).toBeGreaterThan(50);
      for (const line of text.split('\n'))
        for (const found of internalTextIn(line))
          leaks.push(`${who} ${p}: ${found} in « ${line.slice(0, 140)} »`);
    }
    return leaks;
  }

  /** The first files linked from a list page (the member's files, the register). */
  async function fileLinks(page: Page, listPath: string, count: number): Promise<string[]> {
    await page.goto(`${session.url}${listPath}`);
    await page.waitForLoadState('networkidle');
    const hrefs = await page
      .locator('a[href^="/dossiers/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return [...new Set(hrefs)].slice(0, count);
  }

  it('the member’s pages: home, files, one file, diagnosis, deadlines, reimbursement, notifications', async () => {
    const page = await session.signIn('adherent@demo.recours.fr');
    const files = await fileLinks(page, '/mes-dossiers', 3);
    expect(files.length).toBeGreaterThan(0);
    const leaks = await leaksOn(page, 'member', [
      '/',
      '/mes-dossiers',
      ...files,
      '/diagnostic',
      '/delais',
      '/verifier-remboursement',
      '/notifications',
      '/mon-compte',
    ]);
    expect(leaks).toEqual([]);
  }, 240_000);

  it('the staff’s pages: register, files, ethics committee, medical opinions', async () => {
    const handler = await session.signIn('superviseur@demo.recours.fr');
    const files = await fileLinks(handler, '/registre', 4);
    expect(files.length).toBeGreaterThan(0);
    const leaks = await leaksOn(handler, 'supervisor', [
      '/registre',
      ...files,
      '/registre/nouvelle-reclamation',
      '/comite-ethique',
      '/notifications',
    ]);
    expect(leaks).toEqual([]);
  }, 240_000);
});
