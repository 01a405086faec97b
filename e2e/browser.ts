/**
 * Browser tests' plumbing: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * and the app on a random loopback port over a fresh demo database.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/app/app.js';
import { loadDemo } from '../src/features/demo/index.js';
import type { Engine } from '../src/platform/db/client.js';
import { createTestDb } from '../test/support/db.js';

/** Flags for running as root on a machine without network access (see ENVIRONMENT.md). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. The browser tests need it: install it with ` +
        '`apt-get update && apt-get install -y chromium` (Debian/Ubuntu, as root or with sudo), ' +
        'or set CHROMIUM_PATH to a Chromium binary. Do not let Playwright download its own browser.',
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export interface TestServer {
  /** e.g. http://127.0.0.1:41234, without a trailing slash. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** The app with the demo coalition loaded, listening on a free loopback port. */
export async function startTestServer(engine: Engine): Promise<TestServer> {
  const handle = await createTestDb(engine);
  try {
    await loadDemo(handle.db);
    const app = await buildApp({ db: handle.db });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
    } catch (error) {
      await app.close();
      throw error;
    }
    const { port } = app.server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      close: async () => {
        try {
          await app.close();
        } finally {
          await handle.close();
        }
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Clicks a submit button or link and waits for the page it leads to (a full navigation: no script on the page). */
export async function submitAndWait(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([
    page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() }),
    target.click(),
  ]);
  await page.waitForLoadState('load');
}
