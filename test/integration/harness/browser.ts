// Debian's Chromium driven by playwright-core (which downloads no browser of its own).
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env['FUND_LEDGER_CHROMIUM'] ?? '/usr/bin/chromium';

// The background-networking flags matter: on the closed network Chromium otherwise fails.
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; Playwright gives it a fresh temporary profile. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: run scripts/install-tools.sh first`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
}

/** The workbench URL for a folder, with launch options the web workbench reads from `payload`. */
export function workbenchUrl(origin: string, folder: string, payload: [string, string][]): string {
  const remote = (p: string): string => `vscode-remote://${new URL(origin).host}${p}`;
  const entries = payload.map(([key, value]) =>
    key === 'extensionDevelopmentPath' || key === 'extensionTestsPath'
      ? [key, remote(value)]
      : [key, value],
  );
  const params = new URLSearchParams({ folder, payload: JSON.stringify(entries) });
  return `${origin}/?${params.toString()}`;
}
