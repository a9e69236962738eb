// Inspections through the real web app, in German, in Debian's Chromium: an officer plans a
// visit for an inspector (a refused first try shows the server's field error at the field); the
// inspector, on a phone, finds it in "Meine Begehungen heute", records two findings (one with a
// severity override and its reason, one with a photo from the file input, uploaded by tus before
// the form is sent) and an occupancy count with the live § 10 hint, and submits; the first answer
// is lost, and the retry sends the same key and ids. The api then holds the inspection as done,
// with both defects and the photo attached byte for byte.
import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { startTestApi, type TestApi } from '@hausakte/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  collectConsoleErrors,
  httpStatusError,
  launchChromium,
  seriousAccessibilityViolations,
  type ConsoleErrors,
} from './chromium';

jest.setTimeout(180_000);

interface CatalogueItemBody {
  id: string;
  code: string;
  severity: 'A' | 'B' | 'C';
}

interface DefectBody {
  id: string;
  severity: 'A' | 'B' | 'C';
  severityReason: string | null;
  room: string | null;
  unitLabel: string | null;
  description: string;
  catalogueItem: { code: string; severity: 'A' | 'B' | 'C' };
  photoCount: number;
}

interface InspectionBody {
  id: string;
  status: string;
  kind: string;
  reason: string | null;
  inspectors: Array<{ id: string }>;
  findings: DefectBody[];
  occupancy: Array<{ unitId: string; adultsFound: number; outcome: string }>;
}

interface PhotoBody {
  id: string;
  defectId: string;
  attached: boolean;
  sha256: string;
}

const street = 'Begehungspfad';

describe('web app: inspections', () => {
  let api: TestApi;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    api = await startTestApi({ serveWeb: true });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await api?.close();
  });

  async function tokenOf(email: string, password: string): Promise<string> {
    const login = await api.request<{ token: string }>('POST', '/api/v1/auth/login', {
      body: { email, password },
    });
    expect(login.status).toBe(200);
    return login.body.token;
  }

  async function openApp(viewport: {
    width: number;
    height: number;
  }): Promise<{ page: Page; errors: ConsoleErrors }> {
    const context = await browser.newContext({ locale: 'de-DE', viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
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
    await page.getByTestId('user-name').waitFor();
  }

  it('plans an inspection, records it on a phone with findings, a photo and occupancy', async () => {
    const officer = await api.createUser({ role: 'officer' });
    const inspector = await api.createUser({ role: 'inspector' });
    const officerToken = await tokenOf(officer.email, officer.password);

    const created = await api.request<{
      id: string;
      buildings: Array<{ units: Array<{ id: string; label: string }> }>;
    }>('POST', '/api/v1/properties', {
      token: officerToken,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        location: { type: 'Point', coordinates: [7.2261, 51.5412] },
        addresses: [{ street, houseNumber: '7', postcode: '44623', city: 'Herne' }],
        buildings: [
          {
            label: 'Vorderhaus',
            units: [
              { label: 'EG links', floor: 0, areaM2: 54.5, rooms: 2 },
              { label: '1. OG rechts', floor: 1, areaM2: 40, rooms: 2 },
            ],
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    const property = created.body;
    const groundFloor = property.buildings[0].units.find((unit) => unit.label === 'EG links')!;

    const catalogue = await api.request<{ items: CatalogueItemBody[] }>(
      'GET',
      '/api/v1/defect-catalogue',
      { token: officerToken },
    );
    expect(catalogue.status).toBe(200);
    const mould = catalogue.body.items.find((item) => item.code === 'S5-5-01')!;
    const tap = catalogue.body.items.find((item) => item.code === 'S5-3-07')!;
    expect(mould.severity).toBe('B');
    expect(tap.severity).toBe('A');

    // ---- the officer plans the visit -----------------------------------------------------
    const desk = await openApp({ width: 1280, height: 800 });
    await signIn(desk.page, officer.email, officer.password);
    await desk.page.goto(`${api.baseUrl}/objekte/${property.id}`);
    await desk.page
      .getByTestId('property-title')
      .filter({ hasText: `${street} 7` })
      .waitFor();
    await desk.page.getByTestId('plan-inspection-head').click();

    const plan = desk.page.getByTestId('plan-form');
    await plan.waitFor();
    await plan.locator('select[name="kind"]').selectOption('complaint');
    await plan.locator('input[name="time"]').fill('10:30');
    await plan.locator('textarea[name="reason"]').fill('Mieterin meldet Schimmel im Bad.');

    // Nobody chosen: the server's field error appears at the people list.
    await desk.page.getByTestId('save-plan').click();
    const inspectorsError = desk.page.getByTestId('field-error-inspectorIds');
    await inspectorsError.waitFor();
    expect(await desk.page.getByTestId('form-error').isVisible()).toBe(true);

    await plan.getByRole('checkbox', { name: inspector.displayName }).check();
    await desk.page.getByTestId('save-plan').click();
    await desk.page.getByTestId('flash').filter({ hasText: 'Die Begehung ist geplant.' }).waitFor();
    const inspectionId = new URL(desk.page.url()).pathname.split('/').pop()!;
    await desk.page
      .getByTestId('inspection-title')
      .filter({ hasText: `${street} 7` })
      .waitFor();
    expect(await desk.page.getByTestId('inspection-inspectors').textContent()).toContain(
      inspector.displayName,
    );
    expect(await desk.page.getByTestId('inspection-status').textContent()).toBe('geplant');

    // ---- the inspector's day, on a phone -------------------------------------------------
    const phone = await openApp({ width: 390, height: 844 });
    const page = phone.page;
    await signIn(page, inspector.email, inspector.password);
    // The start page of an inspector is the day list.
    await page.getByTestId('day-title').filter({ hasText: 'Meine Begehungen heute' }).waitFor();
    const stop = page.getByTestId('day-stop').filter({ hasText: `${street} 7` });
    await stop.waitFor();
    expect(await stop.textContent()).toContain('10:30');
    expect(await stop.textContent()).toContain('Begehung nach Beschwerde');
    expect(await stop.textContent()).toContain('geplant');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await stop.getByTestId('record-inspection').click();

    const form = page.getByTestId('record-form');
    await form.waitFor();
    expect(page.url()).toBe(`${api.baseUrl}/begehungen/${inspectionId}/erfassen`);

    // Finding 1: mould (catalogue B) raised to C, which needs a reason.
    await page.getByTestId('add-finding').click();
    const first = page.getByTestId('finding-card').nth(0);
    await first.locator('select[name$=".legalGround"]').selectOption('s5_5');
    await first.locator('select[name$=".catalogueItemId"]').selectOption(mould.id);
    await first.locator('select[name$=".unitId"]').selectOption(groundFloor.id);
    await first.locator('input[name$=".room"]').fill('Bad');
    expect(await first.locator('select[name$=".severity"]').inputValue()).toBe('B');
    expect(await first.locator('textarea[name$=".severityReason"]').count()).toBe(0);
    await first.locator('select[name$=".severity"]').selectOption('C');
    const reason = first.locator('textarea[name$=".severityReason"]');
    await reason.waitFor();
    await reason.fill('Säugling im Haushalt, Schimmel direkt am Kinderbett.');
    await first
      .locator('textarea[name$=".description"]')
      .fill('Schimmel an der Außenwand im Bad, etwa 2 m².');

    // Finding 2: a dripping tap, with a photo "from the camera".
    const jpeg = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 190, g: 120, b: 70 } },
    })
      .jpeg({ quality: 80 })
      .toBuffer();
    const jpegHash = createHash('sha256').update(jpeg).digest('hex');
    await page.getByTestId('add-finding').click();
    const second = page.getByTestId('finding-card').nth(1);
    await second.locator('select[name$=".legalGround"]').selectOption('s5_3');
    await second.locator('select[name$=".catalogueItemId"]').selectOption(tap.id);
    await second.locator('textarea[name$=".description"]').fill('Wasserhahn in der Küche tropft.');
    const photoInput = second.getByTestId('photo-input');
    expect(await photoInput.getAttribute('capture')).toBe('environment');
    expect(await photoInput.getAttribute('accept')).toBe('image/*');
    await photoInput.setInputFiles({
      name: 'wasserhahn.jpg',
      mimeType: 'image/jpeg',
      buffer: jpeg,
    });
    await second.locator('[data-testid="photo-item"][data-status="done"]').waitFor();

    // Occupancy of the ground floor: 6 people in 54.5 m² is overcrowded under § 10 WohnStG.
    const occupancy = page.getByTestId('occupancy-card').filter({ hasText: 'EG links' });
    await occupancy.getByTestId('occupancy-include').check();
    await occupancy.locator('input[name$=".adultsFound"]').fill('5');
    await occupancy.locator('input[name$=".childrenUnderSixFound"]').fill('1');
    await occupancy.locator('input[name$=".personsRegistered"]').fill('2');
    expect(await occupancy.locator('input[name$=".livingAreaM2"]').inputValue()).toBe('54.5');
    const hint = occupancy.getByTestId('occupancy-hint');
    await hint.filter({ hasText: 'Überbelegt' }).waitFor();
    expect(await hint.getAttribute('data-overcrowded')).toBe('true');

    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The first answer is lost on the way back (the server has recorded it): the form says so,
    // and sending again repeats the very same command, which the api answers from its record.
    const sent: Array<{ key: string | null; body: string | null }> = [];
    let replayed: string | undefined;
    let firstStatus = 0;
    await page.route('**/api/v1/inspections/*/complete', async (route) => {
      const request = route.request();
      sent.push({ key: await request.headerValue('idempotency-key'), body: request.postData() });
      const response = await route.fetch();
      if (sent.length === 1) {
        firstStatus = response.status();
        await route.abort('failed');
        return;
      }
      replayed = response.headers()['idempotent-replayed'];
      await route.fulfill({ response });
    });
    await page.getByTestId('submit-record').click();
    await page.getByTestId('form-error').filter({ hasText: 'nicht erreichbar' }).waitFor();
    await page.getByTestId('submit-record').click();
    await page.getByTestId('flash').filter({ hasText: 'Die Begehung ist erfasst.' }).waitFor();
    expect(firstStatus).toBe(200);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[0].key).toMatch(/^[0-9a-f-]{36}$/);
    expect(replayed).toBe('true');
    expect(page.url()).toBe(`${api.baseUrl}/begehungen/${inspectionId}`);
    expect(await page.getByTestId('inspection-status').textContent()).toBe('durchgeführt');
    expect(await page.getByTestId('finding').count()).toBe(2);
    const shown = page.getByTestId('finding-photo').locator('img');
    await shown.scrollIntoViewIfNeeded();
    // The preview (a resized JPEG from the api) has loaded.
    await page.waitForFunction(
      `document.querySelector('[data-testid="finding-photo"] img')?.naturalWidth > 0`,
    );

    // ---- what the api holds -------------------------------------------------------------
    const stored = await api.request<InspectionBody>('GET', `/api/v1/inspections/${inspectionId}`, {
      token: officerToken,
    });
    expect(stored.status).toBe(200);
    expect(stored.body.status).toBe('done');
    expect(stored.body.kind).toBe('complaint');
    expect(stored.body.reason).toBe('Mieterin meldet Schimmel im Bad.');
    expect(stored.body.inspectors.map((person) => person.id)).toEqual([inspector.id]);
    expect(stored.body.findings).toHaveLength(2);
    const storedMould = stored.body.findings.find((f) => f.catalogueItem.code === 'S5-5-01')!;
    expect(storedMould).toMatchObject({
      severity: 'C',
      severityReason: 'Säugling im Haushalt, Schimmel direkt am Kinderbett.',
      room: 'Bad',
      unitLabel: 'EG links',
      catalogueItem: { severity: 'B' },
    });
    const storedTap = stored.body.findings.find((f) => f.catalogueItem.code === 'S5-3-07')!;
    expect(storedTap).toMatchObject({ severity: 'A', severityReason: null });
    expect(stored.body.occupancy).toEqual([
      expect.objectContaining({ unitId: groundFloor.id, adultsFound: 5, outcome: 'overcrowded' }),
    ]);

    const photos = await api.request<{ items: PhotoBody[]; total: number }>(
      'GET',
      `/api/v1/defects/${storedTap.id}/photos`,
      { token: officerToken },
    );
    expect(photos.status).toBe(200);
    expect(photos.body.items).toHaveLength(1);
    expect(photos.body.items[0]).toMatchObject({
      defectId: storedTap.id,
      attached: true,
      sha256: jpegHash,
    });

    // The property page lists the inspection and its open defects.
    await desk.page.goto(`${api.baseUrl}/objekte/${property.id}`);
    await desk.page.getByTestId('inspection-row').first().waitFor();
    // The sections load on their own: wait for the defects' list, not just the inspections'.
    await desk.page.getByTestId('property-defect').nth(1).waitFor();
    expect(await desk.page.getByTestId('property-defect').count()).toBe(2);

    // 401: /auth/me before sign-in; 422: the plan without anybody.
    expect(desk.errors.unexpected([httpStatusError(401), httpStatusError(422)])).toEqual([]);
    // The phone: 401 before sign-in; the answer dropped on purpose.
    expect(phone.errors.unexpected([httpStatusError(401), /net::ERR_FAILED/])).toEqual([]);
  });
});
