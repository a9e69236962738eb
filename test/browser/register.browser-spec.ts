// The property register through the real web app (built before this tier; `npm test` serves it
// from dist/test-web) by the api, in Debian's Chromium: search, detail with map, edit with a
// server-side validation error, save.
import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '@hausakte/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  collectConsoleErrors,
  httpStatusError,
  launchChromium,
  type ConsoleErrors,
} from './chromium';

jest.setTimeout(120_000);

interface PropertyBody {
  id: string;
  version: number;
  addresses: Array<{ street: string; houseNumber: string; isPrimary: boolean }>;
}

const address = (street: string, houseNumber: string, postcode: string, district: string) => ({
  street,
  houseNumber,
  postcode,
  city: 'Herne',
  district,
});

describe('web app: property register', () => {
  let api: TestApi;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    api = await startTestApi({ serveWeb: true });
    browser = await launchChromium();
  }, 90_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
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

  async function createProperty(token: string, body: unknown): Promise<PropertyBody> {
    const response = await api.request<PropertyBody>('POST', '/api/v1/properties', {
      token,
      body,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  /**
   * A fresh context (German, phone-sized); records every request that leaves this machine,
   * so that a map that fetched tiles from the internet fails the test.
   */
  async function openApp(): Promise<{ page: Page; errors: ConsoleErrors; foreign: string[] }> {
    context = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors = collectConsoleErrors(page);
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return;
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) foreign.push(url.href);
    });
    const response = await page.goto(`${api.baseUrl}/`);
    expect(response?.status()).toBe(200);
    await page.getByTestId('signin-form').waitFor();
    return { page, errors, foreign };
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    const form = page.getByTestId('signin-form');
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="password"]').fill(password);
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('user-name').waitFor();
  }

  it('finds a property by a partial street name, shows it on a map, and edits it', async () => {
    const officer = await api.createUser({ role: 'officer', displayName: 'Erika Mustermann' });
    const token = await tokenOf(officer.email, officer.password);
    const bahnhof = await createProperty(token, {
      location: { type: 'Point', coordinates: [7.2197, 51.5387] },
      parcelRef: 'Gemarkung Herne, Flur 3, Flurstück 112',
      notes: 'Feuchtigkeit im Keller gemeldet.',
      addresses: [address('Bahnhofstraße', '12', '44623', 'Herne-Mitte')],
      buildings: [
        {
          label: 'Vorderhaus',
          yearBuilt: 1912,
          units: [
            { label: 'EG links', floor: 0, areaM2: 54.5, rooms: 2.5 },
            { label: '1. OG links', floor: 1, areaM2: 54.5, rooms: 2.5 },
          ],
        },
      ],
    });
    await createProperty(token, {
      location: { type: 'Point', coordinates: [7.1631, 51.5318] },
      addresses: [address('Hauptstraße', '210', '44649', 'Wanne')],
    });
    await createProperty(token, {
      location: { type: 'Point', coordinates: [7.2497, 51.5468] },
      addresses: [address('Sodinger Straße', '5', '44627', 'Sodingen')],
    });

    const { page, errors, foreign } = await openApp();
    await signIn(page, officer.email, officer.password);

    // Search: typing is debounced, then the list shows the match.
    const search = page.getByTestId('property-search');
    await search.waitFor();
    const searched = page.waitForResponse(
      (response) =>
        response.url().includes('/api/v1/properties?') &&
        new URL(response.url()).searchParams.get('q') === 'Bahnhofstr',
    );
    await search.fill('Bahnhofstr');
    expect((await searched).status()).toBe(200);
    const row = page.getByTestId('property-row').filter({ hasText: 'Bahnhofstraße 12' });
    await row.waitFor();
    expect(page.url()).toContain('q=Bahnhofstr');

    // Detail: title, units, map with the marker and no basemap from anywhere.
    await row.getByRole('link').click();
    const title = page.getByTestId('property-title');
    await title.filter({ hasText: 'Bahnhofstraße 12' }).waitFor();
    expect(page.url()).toBe(`${api.baseUrl}/objekte/${bahnhof.id}`);
    expect(await page.getByTestId('unit-row').count()).toBe(2);
    const map = page.getByTestId('property-map');
    await map.locator('.leaflet-container').waitFor();
    await map.locator('path.leaflet-interactive').waitFor();
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    // Focus moved to the new page's heading.
    expect(await title.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(
      true,
    );

    // Edit: an empty street is refused by the server and shown at the field.
    await page.getByTestId('edit-property').click();
    const form = page.getByTestId('property-form');
    await form.waitFor();
    const street = form.locator('input[name="addresses.0.street"]');
    expect(await street.inputValue()).toBe('Bahnhofstraße');
    await street.fill('');
    await page.getByTestId('save-property').click();
    const streetError = page.getByTestId('field-error-addresses.0.street');
    await streetError.waitFor();
    expect(await street.getAttribute('aria-invalid')).toBe('true');
    const errorId = await streetError.getAttribute('id');
    expect((await street.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
    expect(page.url()).toBe(`${api.baseUrl}/objekte/${bahnhof.id}/bearbeiten`);

    // Fixed and saved: back on the detail page with the new address.
    await street.fill('Bahnhofstraße');
    await form.locator('input[name="addresses.0.houseNumber"]').fill('12a');
    await page.getByTestId('save-property').click();
    await title.filter({ hasText: 'Bahnhofstraße 12a' }).waitFor();
    expect(page.url()).toBe(`${api.baseUrl}/objekte/${bahnhof.id}`);
    await map.locator('path.leaflet-interactive').waitFor();

    const stored = await api.request<PropertyBody>('GET', `/api/v1/properties/${bahnhof.id}`, {
      token,
    });
    expect(stored.status).toBe(200);
    expect(stored.body.version).toBe(bahnhof.version + 1);
    expect(stored.body.addresses[0]).toMatchObject({ street: 'Bahnhofstraße', houseNumber: '12a' });

    // The detail page survives a reload (the api serves index.html for /objekte/:id).
    await page.reload();
    await title.filter({ hasText: 'Bahnhofstraße 12a' }).waitFor();

    expect(foreign).toEqual([]);
    // 401 from /auth/me before sign-in; 422 for the empty street.
    expect(errors.unexpected([httpStatusError(401), httpStatusError(422)])).toEqual([]);
  });

  it('shows a manager the property and its owner, without any way to edit', async () => {
    const officer = await api.createUser({ role: 'officer' });
    const token = await tokenOf(officer.email, officer.password);
    const property = await createProperty(token, {
      location: { type: 'Point', coordinates: [7.2102, 51.5401] },
      addresses: [address('Am Stadtgarten', '3a', '44623', 'Herne-Mitte')],
    });
    const landlord = await api.request<{ id: string }>('POST', '/api/v1/landlords', {
      token,
      body: {
        kind: 'company',
        name: 'Wohnbau Emscher GmbH',
        registerNumber: 'HRB 12345',
        directors: ['Petra Nowak'],
        undeliverableNote: 'Brief vom 03.02.2025 kam zurück.',
      },
    });
    expect(landlord.status).toBe(201);
    const ownership = await api.request('POST', `/api/v1/properties/${property.id}/ownerships`, {
      token,
      body: { landlordId: landlord.body.id, role: 'manager', validFrom: '2019-04-01' },
    });
    expect(ownership.status).toBe(201);
    const manager = await api.createUser({ role: 'manager' });

    const { page, errors, foreign } = await openApp();
    await signIn(page, manager.email, manager.password);
    await page.getByTestId('property-search').waitFor();
    expect(await page.getByRole('link', { name: 'Neues Objekt' }).count()).toBe(0);

    await page.goto(`${api.baseUrl}/objekte/${property.id}`);
    await page.getByTestId('property-title').filter({ hasText: 'Am Stadtgarten 3a' }).waitFor();
    await page.getByTestId('property-map').locator('path.leaflet-interactive').waitFor();
    expect(await page.getByTestId('edit-property').count()).toBe(0);
    const row = page.getByTestId('ownership-row');
    await row.waitFor();
    expect(await row.textContent()).toContain('Hausverwaltung');
    expect(await row.textContent()).toContain('seit 01.04.2019');

    await row.getByRole('link', { name: 'Wohnbau Emscher GmbH' }).click();
    await page.getByTestId('landlord-title').filter({ hasText: 'Wohnbau Emscher GmbH' }).waitFor();
    await page.getByTestId('undeliverable').waitFor();
    const holding = page.getByTestId('portfolio-row');
    await holding.waitFor();
    expect(await holding.textContent()).toContain('Am Stadtgarten 3a, 44623 Herne');

    expect(foreign).toEqual([]);
    expect(errors.unexpected([httpStatusError(401)])).toEqual([]);
  });
});
