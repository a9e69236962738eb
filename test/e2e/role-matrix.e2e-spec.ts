import { randomUUID } from 'node:crypto';
import { Role, ROLES } from '@hausakte/auth';
import { startTestApi, TestApi } from '@hausakte/testing';

/**
 * Every route Fastify knows, held to DOMAIN.md's role matrix. The roles are written out here,
 * not taken from the code's permission table, so that a wrong entry there is caught too.
 * HEAD routes follow their GET.
 */
type Access = 'public' | Role[];

const EVERYONE: Role[] = ['inspector', 'officer', 'manager', 'admin'];
const ADMIN: Role[] = ['admin'];
const READ_REGISTER: Role[] = ['inspector', 'officer', 'manager'];
const EDIT_PROPERTIES: Role[] = ['inspector', 'officer'];
const EDIT_LANDLORDS: Role[] = ['officer'];
const MANAGE_CASES: Role[] = ['officer'];

// Public by design (DOMAIN.md, Roles): health, sign-in, the web app's static files, and the
// API description (no data; ADR 0004).
const MATRIX: Record<string, Access> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'POST /api/v1/auth/login': 'public',
  'GET /*': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs/*': 'public',
  'GET /api/docs/index.html': 'public',
  'GET /api/docs/LICENSE': 'public',
  'GET /api/docs/swagger-ui-init.js': 'public',
  'GET /api/docs/docs/*': 'public',
  'GET /api/docs/docs/swagger-ui-init.js': 'public',
  'GET /api/docs-json': 'public',
  'GET /api/docs-yaml': 'public',
  'GET /app-config.js': 'public',
  // own session and profile ("own inbox" row: every role)
  'GET /api/v1/auth/me': EVERYONE,
  'POST /api/v1/auth/logout': EVERYONE,
  // users: admin only ("users, catalogue, rule sets, …" row)
  'GET /api/v1/users': ADMIN,
  'POST /api/v1/users': ADMIN,
  'GET /api/v1/users/:id': ADMIN,
  'PATCH /api/v1/users/:id': ADMIN,
  // the register (DOMAIN.md: read = inspector, officer, manager; edit properties = inspector, officer)
  'GET /api/v1/properties': READ_REGISTER,
  'POST /api/v1/properties': EDIT_PROPERTIES,
  'GET /api/v1/properties/:id': READ_REGISTER,
  'PATCH /api/v1/properties/:id': EDIT_PROPERTIES,
  'POST /api/v1/properties/:id/units': EDIT_PROPERTIES,
  'PATCH /api/v1/units/:id': EDIT_PROPERTIES,
  'GET /api/v1/districts': READ_REGISTER,
  // landlords and ownerships (edit: officer only)
  'GET /api/v1/landlords': READ_REGISTER,
  'POST /api/v1/landlords': EDIT_LANDLORDS,
  'GET /api/v1/landlords/:id': READ_REGISTER,
  'PATCH /api/v1/landlords/:id': EDIT_LANDLORDS,
  'GET /api/v1/landlords/:id/properties': READ_REGISTER,
  'GET /api/v1/landlords/:id/network': READ_REGISTER,
  'POST /api/v1/landlords/:id/network/splits': EDIT_LANDLORDS,
  'DELETE /api/v1/landlords/:id/network/splits/:otherLandlordId': EDIT_LANDLORDS,
  'GET /api/v1/properties/:id/ownerships': READ_REGISTER,
  'POST /api/v1/properties/:id/ownerships': EDIT_LANDLORDS,
  'PATCH /api/v1/ownerships/:id': EDIT_LANDLORDS,
  // complaints ("record complaints" row: inspector, officer; reading them too)
  'GET /api/v1/complaints': ['inspector', 'officer'],
  'POST /api/v1/complaints': ['inspector', 'officer'],
  'GET /api/v1/complaints/:id': ['inspector', 'officer'],
  'PATCH /api/v1/complaints/:id': ['inspector', 'officer'],
  // the defect catalogue: reference data everyone reads; admins edit it ("…, catalogue, …" row)
  'GET /api/v1/defect-catalogue': EVERYONE,
  'GET /api/v1/defect-catalogue/versions/:id': EVERYONE,
  'POST /api/v1/defect-catalogue': ADMIN,
  'PATCH /api/v1/defect-catalogue/:code': ADMIN,
  // inspections: read with the register; plan ("own" for inspectors); log (inspector, officer)
  'GET /api/v1/inspections': READ_REGISTER,
  'POST /api/v1/inspections': ['inspector', 'officer'],
  'GET /api/v1/inspections/day': READ_REGISTER,
  'GET /api/v1/inspections/:id': READ_REGISTER,
  'PATCH /api/v1/inspections/:id': ['inspector', 'officer'],
  'POST /api/v1/inspections/:id/cancel': ['inspector', 'officer'],
  'POST /api/v1/inspections/:id/complete': ['inspector', 'officer'],
  // who can be sent: for planning; districts are assigned by admins ("users, …" row)
  'GET /api/v1/inspectors': ['inspector', 'officer'],
  'PUT /api/v1/inspectors/:id/districts': ADMIN,
  // defects: read with the register; change ("log inspections, defects, photos")
  'GET /api/v1/defects/:id': READ_REGISTER,
  'PATCH /api/v1/defects/:id': ['inspector', 'officer'],
  'GET /api/v1/properties/:id/defects': READ_REGISTER,
  'GET /api/v1/properties/:id/open-defects': READ_REGISTER,
  'GET /api/v1/properties/:id/timeline': READ_REGISTER,
  // map: the risk score ("view map and dashboard": everyone); risk weights: admins
  'GET /api/v1/properties/:id/risk': EVERYONE,
  'GET /api/v1/risk-weights': ADMIN,
  // the dashboard, area figures and exports ("view map and dashboard": everyone; the owner
  // and manager names in exports only for officers and managers, tested in map-figures)
  'GET /api/v1/dashboard': EVERYONE,
  'POST /api/v1/map/area': EVERYONE,
  'GET /api/v1/map/districts.geojson': EVERYONE,
  'GET /api/v1/map/export.csv': EVERYONE,
  'GET /api/v1/map/export.geojson': EVERYONE,
  'PUT /api/v1/risk-weights': ADMIN,
  // map: tiles, the count and the popup ("view map and dashboard": everyone)
  'GET /api/v1/map/tiles/:z/:x/:y.mvt': EVERYONE,
  'GET /api/v1/map/summary': EVERYONE,
  'GET /api/v1/map/properties/:id': EVERYONE,
  // photo evidence: uploads by tus ("log inspections, defects, photos"; HEAD shares the GET
  // row, and GET itself answers 405); previews with the register; originals with EXIF
  // ("see original photos": inspector, officer)
  'POST /api/v1/uploads/photos': ['inspector', 'officer'],
  'GET /api/v1/uploads/photos/:id': ['inspector', 'officer'],
  'PATCH /api/v1/uploads/photos/:id': ['inspector', 'officer'],
  'DELETE /api/v1/uploads/photos/:id': ['inspector', 'officer'],
  'GET /api/v1/photos/:id': READ_REGISTER,
  'GET /api/v1/photos/:id/preview': READ_REGISTER,
  'GET /api/v1/photos/:id/original': ['inspector', 'officer'],
  'GET /api/v1/defects/:id/photos': READ_REGISTER,
  // cases, hearings, orders ("manage cases, hearings, orders, letters": officer only; reading
  // too, since cases hold landlords' personal data)
  'GET /api/v1/cases': MANAGE_CASES,
  'POST /api/v1/cases': MANAGE_CASES,
  'GET /api/v1/cases/:id': MANAGE_CASES,
  'PATCH /api/v1/cases/:id': MANAGE_CASES,
  'POST /api/v1/cases/:id/defects': MANAGE_CASES,
  'POST /api/v1/cases/:id/close': MANAGE_CASES,
  'POST /api/v1/cases/:id/reopen': MANAGE_CASES,
  'POST /api/v1/cases/:id/hearings': MANAGE_CASES,
  'GET /api/v1/hearings/:id': MANAGE_CASES,
  'POST /api/v1/hearings/:id/send': MANAGE_CASES,
  'POST /api/v1/hearings/:id/close': MANAGE_CASES,
  'GET /api/v1/hearings/:id/letters/:letterId': MANAGE_CASES,
  'POST /api/v1/cases/:id/orders': MANAGE_CASES,
  'GET /api/v1/orders/:id': MANAGE_CASES,
  'GET /api/v1/orders/:id/projection': MANAGE_CASES,
  'POST /api/v1/orders/:id/letter-preview': MANAGE_CASES,
  'GET /api/v1/orders/:id/letters/:letterId': MANAGE_CASES,
  'POST /api/v1/orders/:id/issue': MANAGE_CASES,
  'POST /api/v1/orders/:id/service': MANAGE_CASES,
  'POST /api/v1/orders/:id/withdraw': MANAGE_CASES,
  'POST /api/v1/orders/:id/suit': MANAGE_CASES,
  'POST /api/v1/orders/:id/suit-decision': MANAGE_CASES,
  'POST /api/v1/orders/:id/items/:itemId/status': MANAGE_CASES,
  'POST /api/v1/orders/:id/items/:itemId/extension': MANAGE_CASES,
  'POST /api/v1/orders/:id/items/:itemId/threats': MANAGE_CASES,
  'POST /api/v1/orders/:id/items/:itemId/threats/:threatId/service': MANAGE_CASES,
  'POST /api/v1/orders/:id/items/:itemId/escalate': MANAGE_CASES,
  // the closure register (§ 9 WohnStG) is part of working a case
  'POST /api/v1/cases/:id/closures': MANAGE_CASES,
  'GET /api/v1/closures': MANAGE_CASES,
  'GET /api/v1/closures/:id': MANAGE_CASES,
  'PATCH /api/v1/closures/:id': MANAGE_CASES,
  'POST /api/v1/closures/:id/transition': MANAGE_CASES,
  // letter templates: admins edit them ("…, letter templates, …" row); officers preview
  // letters ("manage cases, hearings, orders, letters")
  'GET /api/v1/letter-templates': ADMIN,
  'GET /api/v1/letter-templates/:key': ADMIN,
  'PATCH /api/v1/letter-templates/:key': ADMIN,
  'POST /api/v1/letter-templates/:key/preview': ['officer'],
  // audit trail: admin only
  'GET /api/v1/audit': ADMIN,
  // the user's own inbox ("own inbox" row: every role)
  'GET /api/v1/notifications': EVERYONE,
  'POST /api/v1/notifications/read-all': EVERYONE,
  'POST /api/v1/notifications/:id/read': EVERYONE,
};

describe('the role matrix over every route', () => {
  let api: TestApi;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    api = await startTestApi({ serveWeb: true });
    for (const role of ROLES) tokens[role] = (await api.signIn(role)).token;
  });

  afterAll(async () => {
    await api?.close();
  });

  const key = (method: string, url: string) => `${method === 'HEAD' ? 'GET' : method} ${url}`;

  it('knows every route the server has, and the server has every route it knows', () => {
    const served = new Set(api.routes.map((r) => key(r.method, r.url)));
    const missingFromMatrix = [...served].filter((route) => !(route in MATRIX));
    expect(missingFromMatrix).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !served.has(route))).toEqual([]);
  });

  const guarded = Object.entries(MATRIX).filter(
    (entry): entry is [string, Role[]] => entry[1] !== 'public',
  );

  const concrete = (url: string) => url.replace(/:id\b/g, randomUUID());

  it.each(guarded)('%s: 401 without sign-in', async (route) => {
    const [method, url] = route.split(' ');
    const response = await api.request(method, concrete(url), {
      body: method === 'GET' ? undefined : {},
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it.each(guarded)(
    '%s: 403 for each role without the right, never for one with it',
    async (route, allowed) => {
      const [method, url] = route.split(' ');
      for (const role of ROLES) {
        // Signing out ends the session: give that route a fresh one.
        const token =
          route === 'POST /api/v1/auth/logout' ? (await api.signIn(role)).token : tokens[role];
        const response = await api.request(method, concrete(url), {
          token,
          body: method === 'GET' ? undefined : {},
        });
        if (allowed.includes(role)) expect([role, response.status]).not.toEqual([role, 403]);
        else expect([role, response.status]).toEqual([role, 403]);
        expect(response.status).not.toBe(401);
      }
    },
  );

  it.each(Object.entries(MATRIX).filter(([, access]) => access === 'public'))(
    '%s: answers without sign-in',
    async (route) => {
      const [method, url] = route.split(' ');
      const path = url.replace('/*', '/').replace('//', '/');
      const response = await api.request(
        method,
        path,
        method === 'POST' ? { body: { email: 'nobody@herne.example', password: 'x' } } : {},
      );
      expect(response.status).not.toBe(403);
      if (route !== 'POST /api/v1/auth/login') expect(response.status).not.toBe(401);
    },
  );
});
