import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

/** The password of every demo account (src/db/seed). */
export const DEMO_PASSWORD = 'Recours-Demo-2026';

export interface PageOptions {
  /** Viewport, 1 280 × 900 unless said (390 or 375 for a phone). */
  width?: number;
  height?: number;
}

export interface SignInOptions extends PageOptions {
  /** The level-1 heading of the page the account lands on, waited for (« Mes dossiers »…). */
  landing?: string;
}

export interface Session {
  /** The running server's address (http://127.0.0.1:port). */
  readonly url: string;
  /** A page in a fresh browser context (its own cookies), in French. */
  newPage(options?: PageOptions): Promise<Page>;
  /** A fresh page signed in as a demo account, once the sign-in page is left (and the landing page shown). */
  signIn(email: string, options?: SignInOptions): Promise<Page>;
  /**
   * Fills and sends the sign-in form without waiting: the test checks what follows. The form is opened at
   * `at` (/connexion, or with its « retour »), or used where the page already is when `at` is null.
   */
  submitSignIn(page: Page, email: string, options?: { at?: string | null; password?: string }): Promise<void>;
}

/**
 * The preamble of every browser test file: the real server with the demo data and one Chromium for the
 * describe block that calls it, both stopped after it.
 */
export function useSession(options: { startTimeoutMs?: number } = {}): Session {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, options.startTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const started = () => {
    if (!server || !browser) throw new Error('useSession: le serveur ou le navigateur n’a pas démarré');
    return { server, browser };
  };

  const session: Session = {
    get url() {
      return started().server.url;
    },
    async newPage({ width = 1280, height = 900 } = {}) {
      // Downloads are accepted (Playwright's default): the export and the PDFs are read from them.
      const context = await started().browser.newContext({ viewport: { width, height }, locale: 'fr-FR' });
      return context.newPage();
    },
    async submitSignIn(page, email, { at = '/connexion', password = DEMO_PASSWORD } = {}) {
      if (at !== null) await page.goto(`${session.url}${at}`);
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
    },
    async signIn(email, { landing, ...pageOptions } = {}) {
      const page = await session.newPage(pageOptions);
      await session.submitSignIn(page, email);
      await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
      if (landing) await page.getByRole('heading', { name: landing, level: 1 }).waitFor();
      return page;
    },
  };
  return session;
}
