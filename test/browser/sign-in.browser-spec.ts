// Sign-in through the real web app (built by `vite build` before this tier;
// `npm test` serves it from dist/test-web) served by the api, in Debian's Chromium.
import { startTestApi, type TestApi } from '@hausakte/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  collectConsoleErrors,
  httpStatusError,
  launchChromium,
  type ConsoleErrors,
} from './chromium';

jest.setTimeout(60_000);

describe('web app: sign-in', () => {
  let api: TestApi;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    api = await startTestApi({ serveWeb: true });
    browser = await launchChromium();
  }, 60_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** A fresh context per test: no cookies, no localStorage, so German is the language. */
  async function openApp(): Promise<{ page: Page; errors: ConsoleErrors }> {
    context = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = collectConsoleErrors(page);
    const response = await page.goto(`${api.baseUrl}/`);
    expect(response?.status()).toBe(200);
    await page.getByTestId('signin-form').waitFor();
    return { page, errors };
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    const form = page.getByTestId('signin-form');
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="password"]').fill(password);
    await form.locator('button[type="submit"]').click();
  }

  const htmlLang = (page: Page): Promise<string | null> =>
    page.locator('html').getAttribute('lang');

  it('signs an officer in, switches to English, keeps both on reload, and signs out', async () => {
    const officer = await api.createUser({ role: 'officer', displayName: 'Erika Mustermann' });
    const { page, errors } = await openApp();
    expect(await htmlLang(page)).toBe('de');

    await signIn(page, officer.email, officer.password);

    await page.getByTestId('user-name').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe('Erika Mustermann');
    expect(await page.getByTestId('user-role').textContent()).toBe('Sachbearbeitung');
    expect(await page.getByTestId('signin-form').count()).toBe(0);
    await page.locator('main').waitFor();

    await page.getByTestId('lang-switch').locator('button[data-lang="en"]').click();
    await page.getByTestId('user-role').filter({ hasText: 'Case officer' }).waitFor();
    expect(await htmlLang(page)).toBe('en');

    // The session cookie and the stored language survive a reload (GET /api/v1/auth/me → 200).
    await page.reload();
    await page.getByTestId('user-role').filter({ hasText: 'Case officer' }).waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe('Erika Mustermann');
    expect(await htmlLang(page)).toBe('en');

    await page.getByTestId('signout').click();
    await page.getByTestId('signin-form').waitFor();
    expect(await page.getByTestId('user-name').count()).toBe(0);

    // Signed out for real: the cookie is gone, a reload shows the form again.
    await page.reload();
    await page.getByTestId('signin-form').waitFor();
    expect(await page.getByTestId('user-name').count()).toBe(0);

    // 401 from GET /api/v1/auth/me before sign-in and after sign-out is expected.
    expect(errors.unexpected([httpStatusError(401)])).toEqual([]);
  });

  it('shows an error for a wrong password and stays on the form', async () => {
    const inspector = await api.createUser({ role: 'inspector' });
    const { page, errors } = await openApp();

    await signIn(page, inspector.email, `${inspector.password}-wrong`);

    const error = page.getByTestId('signin-error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBe('E-Mail-Adresse oder Passwort ist falsch.');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('user-name').count()).toBe(0);
    expect(await page.locator('input[name="email"]').inputValue()).toBe(inspector.email);

    expect(errors.unexpected([httpStatusError(401)])).toEqual([]);
  });
});
