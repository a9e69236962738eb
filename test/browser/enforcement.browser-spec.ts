// Enforcement through the real web app, in German, in Debian's Chromium: an officer finds the
// case in "Verfahren", drafts an order from its two defects without a hearing (a first try
// without the § 28(2) reason shows the server's error at that field), with a coercive fine for
// item 1 and an overridden period for item 2, and sees the projected dates the api computes;
// previews the letter, issues the order, downloads the issued letter byte for byte, is refused
// ordinary post for a fine threat (at the method field) and records personal delivery. The order
// then shows as served with the due dates the api stored; the inbox shows a notification, and
// marking it read clears the count in the navigation. Screenshots go to docs/screenshots/.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, nextWorkingDayFrom } from '@hausakte/enforcement/rules';
import { NotificationsService } from '@hausakte/notifications';
import { RequestContext, TransactionHost } from '@hausakte/platform';
import { startTestApi, type TestApi } from '@hausakte/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  defaultPeriodEntries,
  openCaseWithDefects,
  today,
  type RecordLetter,
} from '../support/enforcement-fixtures';
import {
  collectConsoleErrors,
  httpStatusError,
  launchChromium,
  seriousAccessibilityViolations,
} from './chromium';

jest.setTimeout(180_000);

const screenshots = join(__dirname, '..', '..', 'docs', 'screenshots');

interface OrderBody {
  id: string;
  status: string;
  notifiedOn: string | null;
  challengeEndsOn: string | null;
  delivery: { method: string; handedOverOn?: string } | null;
  letters: RecordLetter[];
  items: Array<{
    id: string;
    number: number;
    dueOn: string | null;
    threatenedFineCents: number | null;
    period: { unit: string; amount: number };
    periodSource: string;
  }>;
}

interface ProjectionBody {
  notifiedOn: string;
  challengeEndsOn: string;
  items: Array<{ number: number; dueOn: string }>;
}

/** `2026-03-05` → `05.03.2026`, as the German app shows a legal date. */
const german = (day: string): string => day.split('-').reverse().join('.');

const street = 'Vollzugsweg';

describe('web app: enforcement', () => {
  let api: TestApi;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    api = await startTestApi({ serveWeb: true });
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.close();
  });

  /** A notification in the officer's inbox, as the deadline jobs will put it there. */
  async function notify(recipientId: string, caseId: string, subject: string): Promise<void> {
    await api.app.get(RequestContext).run(null, () =>
      api.app.get(TransactionHost).withTransaction(() =>
        api.app.get(NotificationsService).notify({
          dedupKey: `browser-test-${caseId}`,
          recipientId,
          kind: 'deadline-reminder',
          subject,
          body: 'Die Äußerungsfrist der Anhörung endet in 7 Tagen.',
          link: `/vorgaenge/${caseId}`,
          entity: { type: 'case', id: caseId },
        }),
      ),
    );
  }

  async function expectAccessible(page: Page, what: string): Promise<void> {
    expect({ page: what, violations: await seriousAccessibilityViolations(page) }).toEqual({
      page: what,
      violations: [],
    });
  }

  it('drafts, previews, issues and serves an order from a case, and shows the inbox', async () => {
    const officer = await api.signIn('officer');
    const inspector = await api.signIn('inspector');
    const entries = await defaultPeriodEntries(api, officer.token);
    const fixture = await openCaseWithDefects(
      api,
      { officer: officer.token, inspector: inspector.token, inspectorId: inspector.id },
      { street, entries: [entries.B, entries.A] },
    );
    const subject = `Frist läuft ab: ${fixture.reference}`;
    await notify(officer.id, fixture.caseId, subject);

    context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors = collectConsoleErrors(page);
    await page.goto(`${api.baseUrl}/`);
    const signIn = page.getByTestId('signin-form');
    await signIn.locator('input[name="email"]').fill(officer.email);
    await signIn.locator('input[name="password"]').fill(officer.password);
    await signIn.locator('button[type="submit"]').click();
    await page.getByTestId('user-name').waitFor();
    // The navigation counts the unread notification.
    await page.getByTestId('nav-unread').filter({ hasText: '1' }).waitFor();

    // ---- the case list -------------------------------------------------------------------
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-title').filter({ hasText: 'Verfahren' }).waitFor();
    const row = page.getByTestId('case-row').filter({ hasText: fixture.reference });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${street} 1`);
    expect(await row.textContent()).toContain(officer.displayName);
    expect(await row.textContent()).toContain('Ermittlung');
    const listed = await api.request<{ items: Array<{ reference: string }> }>(
      'GET',
      '/api/v1/cases?status=open',
      { token: officer.token },
    );
    expect(await page.getByTestId('case-row').count()).toBe(listed.body.items.length);
    await expectAccessible(page, 'case list');
    await page.screenshot({ path: join(screenshots, 'case-list.png'), fullPage: true });
    // Closed cases only: this one goes away; back to open ones, it returns.
    await page.getByTestId('filter-status').selectOption('closed');
    await page.getByTestId('case-list-empty').waitFor();
    await page.getByTestId('filter-status').selectOption('open');
    await row.waitFor();

    await row.getByRole('link', { name: fixture.reference }).click();
    await page.getByTestId('case-title').filter({ hasText: fixture.reference }).waitFor();
    expect(await page.getByTestId('case-defect').count()).toBe(2);
    expect(await page.getByTestId('case-officer').textContent()).toBe(officer.displayName);

    // ---- drafting the order --------------------------------------------------------------
    await page.getByTestId('draft-order').click();
    const form = page.getByTestId('order-form');
    await form.waitFor();
    const items = form.getByTestId('order-item-fields');
    expect(await items.count()).toBe(2);
    // No hearing was sent: the form offers only "without a hearing".
    expect(await form.locator('select[name="hearingId"]').inputValue()).toBe('');
    await page.getByTestId('save-order').click();
    await page.getByTestId('field-error-hearingSkippedReason').waitFor();
    expect(await page.getByTestId('form-error').isVisible()).toBe(true);

    await form
      .locator('textarea[name="hearingSkippedReason"]')
      .fill('Gefahr im Verzug: Schimmel im Kinderzimmer (§ 28 Abs. 2 Nr. 1 VwVfG NRW).');
    await items.nth(0).locator('input[name="items.0.threatenedFineCents"]').fill('500');
    await items.nth(1).getByLabel('Frist abweichend festlegen').check();
    await items.nth(1).locator('input[name="items.1.periodOverride.amount"]').fill('60');
    await items
      .nth(1)
      .locator('input[name="items.1.periodOverride.reason"]')
      .fill('Handwerker erst in acht Wochen verfügbar.');
    await expectAccessible(page, 'order drafting form');
    await page.screenshot({ path: join(screenshots, 'order-drafting.png'), fullPage: true });
    await page.getByTestId('save-order').click();

    await page.getByTestId('flash').filter({ hasText: 'als Entwurf gespeichert' }).waitFor();
    const orderId = new URL(page.url()).pathname.split('/').pop()!;
    expect(page.url()).toBe(`${api.baseUrl}/anordnungen/${orderId}`);
    const drafted = await api.request<OrderBody>('GET', `/api/v1/orders/${orderId}`, {
      token: officer.token,
    });
    expect(drafted.body.status).toBe('draft');
    expect(drafted.body.items.map((item) => item.threatenedFineCents)).toEqual([50_000, null]);
    expect(drafted.body.items[1].period).toEqual({ unit: 'days', amount: 60 });
    expect(drafted.body.items[1].periodSource).toBe('override');

    // The projected dates are the api's, for ordinary post today.
    const projection = await api.request<ProjectionBody>(
      'GET',
      `/api/v1/orders/${orderId}/projection`,
      { token: officer.token },
    );
    expect(projection.status).toBe(200);
    await page.getByTestId('projected-notified-on').waitFor();
    expect(await page.getByTestId('projected-notified-on').textContent()).toContain(
      german(projection.body.notifiedOn),
    );
    expect(await page.getByTestId('projected-challenge-ends').textContent()).toContain(
      german(projection.body.challengeEndsOn),
    );
    expect(await page.getByTestId('projected-item-due').allTextContents()).toEqual(
      projection.body.items.map((item) => german(item.dueOn)),
    );
    // Handed over in person today instead: notified today, so the challenge period ends sooner.
    await page.getByLabel('Versandweg').selectOption('personal_delivery');
    const inPerson = await api.request<ProjectionBody>(
      'GET',
      `/api/v1/orders/${orderId}/projection?method=personal_delivery`,
      { token: officer.token },
    );
    expect(inPerson.body.notifiedOn).toBe(today());
    expect(inPerson.body.notifiedOn < projection.body.notifiedOn).toBe(true);
    await page
      .getByTestId('projected-notified-on')
      .filter({ hasText: german(inPerson.body.notifiedOn) })
      .waitFor();
    expect(await page.getByTestId('projected-challenge-ends').textContent()).toContain(
      german(inPerson.body.challengeEndsOn),
    );
    await page.getByLabel('Versandweg').selectOption('ordinary_post');
    expect(await page.getByTestId('order-status').textContent()).toBe('Entwurf');
    await expectAccessible(page, 'order draft with projection');
    await page.screenshot({ path: join(screenshots, 'order-projection.png'), fullPage: true });

    // ---- letter preview: a PDF fetched with the session, opened in a new tab ---------------
    const [previewAnswer, tab] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/letter-preview')),
      context.waitForEvent('page'),
      page.getByTestId('letter-preview').click(),
    ]);
    expect(previewAnswer.status()).toBe(200);
    expect(previewAnswer.headers()['content-type']).toBe('application/pdf');
    expect(Number(previewAnswer.headers()['content-length'])).toBeGreaterThan(1000);
    // The tab shows that answer, a PDF document, from a blob URL of the app's origin.
    await tab.waitForURL(/^blob:/);
    expect(await tab.evaluate<string>('document.contentType')).toBe('application/pdf');
    await tab.close();

    // ---- issue, then download the letter as issued ------------------------------------------
    await page.getByTestId('issue-order').click();
    await page.getByTestId('order-status').filter({ hasText: 'erlassen' }).waitFor();
    const issued = await api.request<OrderBody>('GET', `/api/v1/orders/${orderId}`, {
      token: officer.token,
    });
    expect(issued.body.status).toBe('issued');
    expect(issued.body.letters).toHaveLength(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('letter-download').click(),
    ]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(issued.body.letters[0].sha256);

    // ---- service: ordinary post is refused for a fine threat, personal delivery is recorded --
    const service = page.getByTestId('service-form');
    await service.locator('select[name="delivery.method"]').selectOption('ordinary_post');
    await service.locator('input[name="delivery.postedOn"]').fill(today());
    await page.getByTestId('record-service').click();
    await page.getByTestId('field-error-delivery.method').waitFor();
    expect(await page.getByTestId('field-error-delivery.method').textContent()).toContain(
      'coercive fine',
    );
    expect(
      (await api.request<OrderBody>('GET', `/api/v1/orders/${orderId}`, { token: officer.token }))
        .body.status,
    ).toBe('issued');

    await service.locator('select[name="delivery.method"]').selectOption('personal_delivery');
    await service.locator('input[name="delivery.handedOverOn"]').fill(today());
    await page.getByTestId('record-service').click();
    await page.getByTestId('order-status').filter({ hasText: 'zugestellt' }).waitFor();

    const served = await api.request<OrderBody>('GET', `/api/v1/orders/${orderId}`, {
      token: officer.token,
    });
    expect(served.body.status).toBe('served');
    expect(served.body.delivery).toEqual({ method: 'personal_delivery', handedOverOn: today() });
    expect(served.body.notifiedOn).toBe(today());
    const dues = served.body.items.map((item) => item.dueOn);
    expect(dues.every((due) => due !== null && due > today())).toBe(true);
    expect(await page.getByTestId('order-notified-on').textContent()).toBe(german(today()));
    expect(await page.getByTestId('order-challenge-ends').textContent()).toContain(
      german(served.body.challengeEndsOn!),
    );
    expect(await page.getByTestId('item-due').allTextContents()).toEqual(
      dues.map((due) => german(due!)),
    );
    await expectAccessible(page, 'served order');

    // ---- more time for item 2: the new last day (a working day), reminders move with it ----
    const wanted = addDays(dues[1]!, 14);
    await page.getByTestId('item-extend').nth(1).click();
    const extension = page.getByTestId('item-extension');
    await extension.getByLabel('Neuer letzter Tag').fill(wanted);
    await extension.getByLabel('Grund der Verlängerung').fill('Handwerker erst später verfügbar');
    await extension.getByRole('button', { name: 'Frist von Punkt 2 verlängern' }).click();
    const extendedDue = nextWorkingDayFrom(wanted);
    await page
      .getByTestId('item-due')
      .filter({ hasText: german(extendedDue) })
      .waitFor();
    const extended = await api.request<OrderBody>('GET', `/api/v1/orders/${orderId}`, {
      token: officer.token,
    });
    expect(extended.body.items.map((item) => item.dueOn)).toEqual([dues[0], extendedDue]);

    // ---- back on the case: the orders, the next deadline and the timeline -----------------
    await page.getByRole('link', { name: `Verfahren ${fixture.reference}` }).click();
    await page.getByTestId('case-title').filter({ hasText: fixture.reference }).waitFor();
    await page
      .getByTestId('case-order')
      .getByTestId('order-status')
      .filter({ hasText: 'zugestellt' })
      .waitFor();
    const earliest = [...dues].sort()[0]!;
    expect(await page.getByTestId('case-next-deadline').textContent()).toContain(german(earliest));
    const timeline = await page.getByTestId('timeline-entry').allTextContents();
    for (const step of [
      'Verfahren eröffnet',
      'Anordnung entworfen',
      'Anordnung erlassen',
      'Zustellung der Anordnung erfasst',
    ]) {
      expect(timeline.some((entry) => entry.includes(step))).toBe(true);
    }
    expect(await page.getByTestId('case-stage').textContent()).toBe('Fristüberwachung');
    await expectAccessible(page, 'case detail');
    await page.screenshot({ path: join(screenshots, 'case-detail.png'), fullPage: true });

    // ---- the inbox ----------------------------------------------------------------------
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-title').waitFor();
    const entry = page.getByTestId('notification').filter({ hasText: subject });
    await entry.waitFor();
    expect(await entry.getAttribute('data-unread')).toBe('true');
    await expectAccessible(page, 'inbox');
    await page.screenshot({ path: join(screenshots, 'inbox.png'), fullPage: true });
    await entry.getByTestId('mark-read').click();
    await page.getByTestId('inbox-unread').filter({ hasText: '0 ungelesene' }).waitFor();
    await page.getByTestId('nav-unread').waitFor({ state: 'detached' });
    const inbox = await api.request<{ unread: number; items: Array<{ readAt: string | null }> }>(
      'GET',
      '/api/v1/notifications',
      { token: officer.token },
    );
    expect(inbox.body.unread).toBe(0);
    expect(inbox.body.items[0].readAt).not.toBeNull();
    // Its link leads to the case.
    await entry.getByTestId('notification-link').click();
    await page.getByTestId('case-title').filter({ hasText: fixture.reference }).waitFor();

    // The only error answers: the session check before sign-in and the two refusals provoked.
    const signedOut = /status of 401 \(Unauthorized\) \(\S+\/api\/v1\/auth\/me\)$/;
    expect(errors.unexpected([httpStatusError(422), signedOut])).toEqual([]);
    expect(errors.all.filter((text) => httpStatusError(422).test(text))).toHaveLength(2);
  });
});
