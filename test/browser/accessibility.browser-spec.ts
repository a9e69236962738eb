// axe-core on every page of the web app so far, signed in as an officer, in German on a phone
// and in English on a desktop: no serious or critical violations.
import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '@hausakte/testing';
import type { Browser, Page } from 'playwright-core';
import { defaultPeriodEntries, openCaseWithDefects } from '../support/enforcement-fixtures';
import { launchChromium, seriousAccessibilityViolations } from './chromium';

jest.setTimeout(180_000);

describe('web app: accessibility', () => {
  let api: TestApi;
  let browser: Browser;
  const pages: Array<[string, string]> = [];

  beforeAll(async () => {
    api = await startTestApi({ serveWeb: true });
    browser = await launchChromium();
    const officer = await api.signIn('officer');
    const property = await api.request<{ id: string }>('POST', '/api/v1/properties', {
      token: officer.token,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        location: { type: 'Point', coordinates: [7.2197, 51.5387] },
        addresses: [
          { street: 'Am Barrierefreien Weg', houseNumber: '1', postcode: '44623', city: 'Herne' },
        ],
        buildings: [
          { label: 'Vorderhaus', units: [{ label: 'EG links', floor: 0, areaM2: 54.5, rooms: 2 }] },
        ],
      },
    });
    const landlord = await api.request<{ id: string }>('POST', '/api/v1/landlords', {
      token: officer.token,
      body: { kind: 'company', name: 'Wohnbau Emscher GmbH', registerNumber: 'HRB 4711' },
    });
    await api.request('POST', `/api/v1/properties/${property.body.id}/ownerships`, {
      token: officer.token,
      body: { landlordId: landlord.body.id, role: 'owner', validFrom: '2019-04-01' },
    });
    const inspection = await api.request<{ id: string }>('POST', '/api/v1/inspections', {
      token: officer.token,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        propertyId: property.body.id,
        kind: 'initial',
        scheduledAt: new Date().toISOString(),
        inspectorIds: [officer.id],
      },
    });
    // A case with two defects, a hearing drafted on both, an order drafted on the first.
    const inspector = await api.signIn('inspector');
    const entries = await defaultPeriodEntries(api, officer.token);
    const enforcement = await openCaseWithDefects(
      api,
      { officer: officer.token, inspector: inspector.token, inspectorId: inspector.id },
      { street: 'Am Barrierefreien Verfahren', entries: [entries.B, entries.A] },
    );
    const hearing = await api.request<{ id: string }>(
      'POST',
      `/api/v1/cases/${enforcement.caseId}/hearings`,
      {
        token: officer.token,
        headers: { 'idempotency-key': randomUUID() },
        body: { defectIds: enforcement.defectIds, replyDays: 14 },
      },
    );
    const order = await api.request<{ id: string }>(
      'POST',
      `/api/v1/cases/${enforcement.caseId}/orders`,
      {
        token: officer.token,
        headers: { 'idempotency-key': randomUUID() },
        body: {
          kind: 'repair',
          hearingSkippedReason: 'Gefahr im Verzug',
          items: [
            {
              requirement: 'Beseitigen Sie den Mangel.',
              defectIds: [enforcement.defectIds[0]],
              threatenedFineCents: 50_000,
            },
          ],
        },
      },
    );
    expect([hearing.status, order.status]).toEqual([201, 201]);
    pages.push(
      ['property list', '/objekte'],
      ['property detail with map', `/objekte/${property.body.id}`],
      ['edit form', `/objekte/${property.body.id}/bearbeiten`],
      ['create form', '/objekte/neu'],
      ['landlord page', `/eigentuemer/${landlord.body.id}`],
      ['day list', '/heute'],
      ['inspection list', '/begehungen'],
      ['planning form', `/begehungen/planen?objekt=${property.body.id}`],
      ['inspection', `/begehungen/${inspection.body.id}`],
      ['inspection form', `/begehungen/${inspection.body.id}/erfassen`],
      ['case list', '/vorgaenge'],
      ['case', `/vorgaenge/${enforcement.caseId}`],
      ['hearing drafting form', `/vorgaenge/${enforcement.caseId}/anhoerung`],
      ['order drafting form', `/vorgaenge/${enforcement.caseId}/anordnung`],
      ['hearing', `/anhoerungen/${hearing.body.id}`],
      ['order with projected dates', `/anordnungen/${order.body.id}`],
      ['inbox', '/posteingang'],
    );
    credentials = await api.createUser({ role: 'officer' });
  }, 90_000);

  let credentials: { email: string; password: string };

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function check(page: Page, what: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    expect({ page: what, violations: await seriousAccessibilityViolations(page) }).toEqual({
      page: what,
      violations: [],
    });
  }

  it.each([
    ['German on a phone', 'de-DE', { width: 390, height: 844 }],
    ['English on a desktop', 'en-GB', { width: 1280, height: 800 }],
  ])('%s', async (_, locale, viewport) => {
    const context = await browser.newContext({ locale, viewport });
    try {
      const page = await context.newPage();
      await page.goto(`${api.baseUrl}/`);
      await page.getByTestId('signin-form').waitFor();
      if (locale.startsWith('en'))
        await page.getByTestId('lang-switch').getByRole('button', { name: /EN/i }).click();
      await check(page, 'sign-in');
      await page.locator('input[name="email"]').fill(credentials.email);
      await page.locator('input[name="password"]').fill(credentials.password);
      await page.locator('form button[type="submit"]').click();
      await page.getByTestId('user-name').waitFor();
      for (const [what, path] of pages) {
        await page.goto(`${api.baseUrl}${path}`);
        await page.getByTestId('user-name').waitFor();
        await check(page, what);
      }
    } finally {
      await context.close();
    }
  });
});
