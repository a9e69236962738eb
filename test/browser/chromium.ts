// Debian's Chromium driven by playwright-core. Playwright's own browser download does not work
// on our machines: never call `playwright install`; install the `chromium` Debian package.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the networking flags Chromium keeps dialling Google's hosts on a closed network. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...chromiumArgs],
  });
}

export interface ConsoleErrors {
  /** Every console error and uncaught page error so far, as text. */
  readonly all: string[];
  /** The errors not matched by any of `allowed`. */
  unexpected(allowed?: readonly RegExp[]): string[];
}

/**
 * Collects console errors and uncaught exceptions of a page. Chromium logs every 4xx answer to
 * fetch as "Failed to load resource: … status of 401 (Unauthorized)"; tests that expect such
 * answers pass a pattern for them to `unexpected`.
 */
export function collectConsoleErrors(page: Page): ConsoleErrors {
  const all: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    all.push(url ? `${message.text()} (${url})` : message.text());
  });
  page.on('pageerror', (error: Error) => all.push(`uncaught: ${error.stack ?? error.message}`));
  return {
    all,
    unexpected: (allowed = []) =>
      all.filter((text) => !allowed.some((pattern) => pattern.test(text))),
  };
}

/** Chromium's console line for an HTTP error answer with this status. */
export const httpStatusError = (status: number): RegExp =>
  new RegExp(`Failed to load resource: the server responded with a status of ${status}\\b`);

export interface AccessibilityViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is and returns the serious and critical violations. The
 * script is evaluated through the DevTools protocol, so the app's CSP (scripts from 'self'
 * only) stays as in production.
 */
export async function seriousAccessibilityViolations(
  page: Page,
): Promise<AccessibilityViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  // A string, not a function: this file is compiled without the DOM's types.
  const violations = await page.evaluate<AccessibilityViolation[]>(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((node) => node.target.map(String).join(' ')),
      })),
    )`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
