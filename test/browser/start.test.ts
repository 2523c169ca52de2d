import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openBrowser } from './support/browser.js';
import { freePort, launch, repoRoot, waitForOk } from './support/processes.js';

/** Whether something accepts connections on the port of 127.0.0.1. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the start script (pnpm start, after its install and build)', () => {
  let dataDir = '';

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the gateway and both apps on the demo catalog, and stops every server on SIGTERM', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'marketgate-start-'));
    const [gateway, storefront, portal] = await Promise.all([freePort(), freePort(), freePort()]);
    const { child, output } = launch(process.execPath, ['scripts/start.mjs'], repoRoot, {
      PORT: String(gateway),
      STOREFRONT_PORT: String(storefront),
      PORTAL_PORT: String(portal),
      DATA_DIR: dataDir,
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitForOk(`http://127.0.0.1:${gateway}/health`, child, output, 120_000);
      await waitForOk(`http://127.0.0.1:${storefront}/`, child, output, 60_000);
      await waitForOk(`http://127.0.0.1:${portal}/`, child, output, 60_000);
      // The URLs are printed once all three servers say they listen.
      await vi.waitFor(
        () => expect(output()).toContain(`Storefront (B2C)  http://localhost:${storefront}`),
        { timeout: 15_000 },
      );

      const browser = await openBrowser();
      try {
        await browser.page.goto(`http://127.0.0.1:${storefront}/`);
        const cards = browser.page.getByTestId('product-card');
        await cards.first().waitFor();
        expect(await cards.count()).toBeGreaterThan(1);
      } finally {
        await browser.close();
      }
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // The servers stop with it: none keeps its port (a `vite preview` left behind would make
    // the next start fail with "Found another Vite preview process").
    const ports = [gateway, storefront, portal];
    await vi.waitFor(
      async () => {
        const still = await Promise.all(ports.map(listening));
        expect(ports.filter((_, i) => still[i])).toEqual([]);
      },
      { timeout: 10_000, interval: 250 },
    );
  }, 240_000);
});
