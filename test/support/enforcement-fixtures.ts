import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { addDays, berlinDateOf } from '@hausakte/enforcement/rules';
import type { TestApi } from '@hausakte/testing';
import { catalogue, CatalogueEntry, createProperty, planInspection } from './inspection-fixtures';

/** Today and other days as the authority counts them (Europe/Berlin). */
export const today = (): string => berlinDateOf(new Date());
export const daysFromToday = (days: number): string => addDays(today(), days);

export interface CaseFixture {
  propertyId: string;
  caseId: string;
  reference: string;
  /** The defects found, in the order of the severities asked for. */
  defectIds: string[];
  landlordId: string;
}

/** Catalogue entries without a period of their own: their severity's default applies. */
export async function defaultPeriodEntries(
  api: TestApi,
  token: string,
): Promise<Record<'A' | 'B' | 'C', CatalogueEntry>> {
  const entries = (await catalogue(api, token)) as Array<CatalogueEntry & { period: unknown }>;
  const pick = (severity: 'A' | 'B' | 'C') =>
    entries.find((entry) => entry.severity === severity && entry.period === null)!;
  return { A: pick('A'), B: pick('B'), C: pick('C') };
}

async function expectStatus<T>(
  response: Promise<{ status: number; body: T }>,
  status: number,
  what: string,
): Promise<T> {
  const answer = await response;
  if (answer.status !== status) {
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/**
 * A property on a street of its own with an owner (postal address on file), an inspection that
 * found one defect per catalogue entry given, and an open case holding them: what an officer has
 * before the first hearing.
 */
export async function openCaseWithDefects(
  api: TestApi,
  tokens: { officer: string; inspector: string; inspectorId: string },
  options: {
    street: string;
    entries: CatalogueEntry[];
    link?: boolean;
    lon?: number;
    lat?: number;
  },
): Promise<CaseFixture> {
  const property = await createProperty(api, tokens.officer, {
    street: options.street,
    lon: options.lon,
    lat: options.lat,
  });
  const landlord = await expectStatus(
    api.request<{ id: string }>('POST', '/api/v1/landlords', {
      token: tokens.officer,
      body: {
        kind: 'person',
        name: `Vermieterin ${options.street}`,
        postalAddress: {
          street: 'Bahnhofstraße',
          houseNumber: '7',
          postcode: '44623',
          city: 'Herne',
        },
      },
    }),
    201,
    'landlord',
  );
  await expectStatus(
    api.request('POST', `/api/v1/properties/${property.id}/ownerships`, {
      token: tokens.officer,
      body: { landlordId: landlord.id, role: 'owner', validFrom: '2020-01-01' },
    }),
    201,
    'ownership',
  );
  const planned = await planInspection(api, tokens.officer, {
    propertyId: property.id,
    inspectorIds: [tokens.inspectorId],
  });
  const findings = options.entries.map((entry, index) => ({
    id: randomUUID(),
    catalogueItemId: entry.id,
    room: `Raum ${index + 1}`,
    description: `Befund ${index + 1}`,
  }));
  await expectStatus(
    api.request('POST', `/api/v1/inspections/${planned.id}/complete`, {
      token: tokens.inspector,
      body: { outcome: 'done', findings },
    }),
    200,
    'inspection',
  );
  const defectIds = findings.map((finding) => finding.id);
  const opened = await expectStatus(
    api.request<{ id: string; reference: string }>('POST', '/api/v1/cases', {
      token: tokens.officer,
      body: { propertyId: property.id, defectIds: options.link === false ? [] : defectIds },
    }),
    201,
    'case',
  );
  return {
    propertyId: property.id,
    caseId: opened.id,
    reference: opened.reference,
    defectIds,
    landlordId: landlord.id,
  };
}

/** A download as bytes (the harness reads bodies as text, which would mangle a PDF). */
export async function downloadBytes(
  api: TestApi,
  path: string,
  token: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** A letter as a hearing or an order lists it. */
export interface RecordLetter {
  id: string;
  landlordId: string | null;
  templateKey: string;
  templateVersion: number;
  sha256: string;
  byteSize: number;
  createdAt: string;
}

/** pdf-parse's text of a PDF, in a plain Node process (pdf.js loads its worker by a dynamic import Jest refuses). */
export function pdfText(pdf: Buffer): Promise<string> {
  const script = `const { PDFParse } = require('pdf-parse'); const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => { const p = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const { text } = await p.getText(); await p.destroy(); process.stdout.write(text); });`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', script], (error, stdout) =>
      error ? reject(new Error(error.message)) : resolve(stdout),
    );
    child.stdin!.end(pdf);
  });
}
