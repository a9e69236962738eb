// A landlord's network through the real web app in Debian's Chromium: the members with each
// link's reason, the property manager as "managed by", and an officer's split with a reason.
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '@hausakte/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  collectConsoleErrors,
  httpStatusError,
  launchChromium,
  type ConsoleErrors,
} from './chromium';

jest.setTimeout(120_000);

describe('web app: landlord network', () => {
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

  async function openAs(
    email: string,
    password: string,
  ): Promise<{ page: Page; errors: ConsoleErrors }> {
    context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors = collectConsoleErrors(page);
    await page.goto(`${api.baseUrl}/`);
    const form = page.getByTestId('signin-form');
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="password"]').fill(password);
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('user-name').waitFor();
    return { page, errors };
  }

  it('shows an officer the network with its reasons, and splits a pair that is not the same', async () => {
    const officer = await api.createUser({ role: 'officer' });
    const login = await api.request<{ token: string }>('POST', '/api/v1/auth/login', {
      body: { email: officer.email, password: officer.password },
    });
    const token = login.body.token;
    const t = randomUUID().slice(0, 6);
    const create = async (body: Record<string, unknown>) => {
      const response = await api.request<{ id: string }>('POST', '/api/v1/landlords', {
        token,
        body: { kind: 'company', ...body },
      });
      expect(response.status).toBe(201);
      return response.body.id;
    };
    const office = {
      street: `Verwalterweg ${t}`,
      houseNumber: '1',
      postcode: '44625',
      city: 'Herne',
    };
    const manager = await create({ name: `Hausverwaltung Ruhr ${t} GmbH`, postalAddress: office });
    const emscher = await create({
      name: `Wohnbau Emscher ${t} GmbH`,
      registerNumber: `HRB 4${t}`,
      directors: [`Petra Nowak ${t}`],
      postalAddress: office,
    });
    await create({ name: `Kanal Immobilien ${t} GmbH`, directors: [`Petra Nowak ${t}`] });
    await create({ name: `Wohnbau Emscher ${t} mbH`, registerNumber: `hrb-4${t}` });
    const [{ id: property }]: Array<{ id: string }> = await api.app
      .get<DataSource>(getDataSourceToken())
      .query(
        `INSERT INTO properties (location) VALUES (ST_SetSRID(ST_MakePoint(7.22, 51.54), 4326)) RETURNING id`,
      );
    for (const [landlordId, role] of [
      [emscher, 'owner'],
      [manager, 'manager'],
    ])
      expect(
        (
          await api.request('POST', `/api/v1/properties/${property}/ownerships`, {
            token,
            body: { landlordId, role, validFrom: '2020-01-01' },
          })
        ).status,
      ).toBe(201);

    const { page, errors } = await openAs(officer.email, officer.password);
    await page.goto(`${api.baseUrl}/eigentuemer/${emscher}`);
    const section = page.getByTestId('landlord-network');
    const members = section.getByTestId('network-members');
    await members.waitFor();
    expect(await members.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining([`Kanal Immobilien ${t} GmbH`, `Wohnbau Emscher ${t} mbH`]),
    );
    const reasons = await section.getByTestId('network-reason').allTextContents();
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^gleiche Registernummer: /),
        `gleicher Geschäftsführer: Petra Nowak ${t}`,
      ]),
    );
    const managedBy = section.getByTestId('managed-by');
    expect(await managedBy.textContent()).toContain(`Hausverwaltung Ruhr ${t} GmbH`);
    expect(await managedBy.textContent()).toContain('Postanschrift bei der Hausverwaltung');
    await page.screenshot({ path: 'docs/screenshots/landlord-network.png', fullPage: true });

    // Split the director link: Kanal leaves the network and the split is listed with its reason.
    const directorLink = section
      .getByTestId('network-links')
      .locator('li')
      .filter({ hasText: 'gleicher Geschäftsführer' });
    await directorLink.getByTestId('network-split-open').click();
    const form = section.getByTestId('network-split-form');
    await form.locator('textarea').fill('Namensgleiche Geschäftsführerin, andere Person');
    await form.locator('button[type="submit"]').click();
    const splits = section.getByTestId('network-splits');
    await splits.waitFor();
    expect(await splits.textContent()).toContain('Namensgleiche Geschäftsführerin, andere Person');
    expect(await members.getByRole('link').allTextContents()).not.toContain(
      `Kanal Immobilien ${t} GmbH`,
    );
    await page.screenshot({ path: 'docs/screenshots/landlord-network-split.png', fullPage: true });

    expect(errors.unexpected([httpStatusError(401)])).toEqual([]);
  });
});
