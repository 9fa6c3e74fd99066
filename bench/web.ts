// `npm run bench:web`: what a person on a phone feels when the home page and a file's page first load, with
// Chromium's throttling (slow 4G + a CPU 4× slower), on the real server with the built web app. Prints figures;
// asserts nothing on time (tests never do). Build the web app first (`npm run build:web`).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/support/server.ts';

// Chrome DevTools' "Slow 4G" preset: 150 ms latency, about 1,6 Mbit/s down, 750 kbit/s up.
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

// Debian's Chromium, never a downloaded browser (the e2e helpers import vitest, so they are not reused here).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium introuvable à ${CHROMIUM} : installez-le (apt-get install -y chromium).`);
  process.exit(1);
}
if (!existsSync(new URL('../web/dist/index.html', import.meta.url))) {
  console.error('Application web non construite : lancez d’abord npm run build:web.');
  process.exit(1);
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=fr-FR'],
});
try {
  for (const [label, path] of [
    ['accueil', '/'],
    ['vérifier un remboursement', '/verifier-remboursement'],
  ] as const) {
    // A fresh context each time: an empty cache, as on a first visit.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let transferred = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      transferred += e.encodedDataLength;
    });
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    // The page is rendered: its main heading is on screen.
    await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 60_000 });
    const paint = await page.evaluate(() => {
      const entries = performance.getEntriesByType('paint');
      const fcp = entries.find((e) => e.name === 'first-contentful-paint')?.startTime ?? null;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { fcp, load: nav ? nav.loadEventEnd : null, heading: performance.now() };
    });
    const ms = (v: number | null) => (v === null ? 'n/a' : `${(v / 1000).toFixed(2)} s`);
    console.log(
      `${label.padEnd(28)} first contentful paint ${ms(paint.fcp)} · load ${ms(paint.load)} · heading visible by ${ms(paint.heading)} · ${(transferred / 1024).toFixed(0)} KiB transferred (slow 4G, CPU ×4, 390×844)`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
