import { randomUUID } from 'node:crypto';
import type { TestApi } from '@hausakte/testing';

export interface FixtureProperty {
  id: string;
  units: Array<{ id: string; label: string; areaM2: number | null }>;
}

export interface CatalogueEntry {
  id: string;
  code: string;
  severity: 'A' | 'B' | 'C';
  version: number;
}

/** A property with one building and the given units, at a point of Herne, through the API. */
export async function createProperty(
  api: TestApi,
  token: string,
  options: {
    street: string;
    houseNumber?: string;
    lon?: number;
    lat?: number;
    units?: Array<{ label: string; areaM2?: number }>;
  },
): Promise<FixtureProperty> {
  const response = await api.request<{
    id: string;
    buildings: Array<{ units: FixtureProperty['units'] }>;
  }>('POST', '/api/v1/properties', {
    token,
    body: {
      location: { type: 'Point', coordinates: [options.lon ?? 7.2201, options.lat ?? 51.5389] },
      addresses: [
        {
          street: options.street,
          houseNumber: options.houseNumber ?? '1',
          postcode: '44623',
          city: 'Herne',
        },
      ],
      buildings: [
        {
          label: 'Vorderhaus',
          units: (options.units ?? [{ label: 'EG links', areaM2: 54 }]).map((unit, floor) => ({
            ...unit,
            floor,
          })),
        },
      ],
    },
  });
  if (response.status !== 201) {
    throw new Error(`property: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return { id: response.body.id, units: response.body.buildings.flatMap((b) => b.units) };
}

export async function catalogue(api: TestApi, token: string): Promise<CatalogueEntry[]> {
  const response = await api.request<{ items: CatalogueEntry[] }>(
    'GET',
    '/api/v1/defect-catalogue',
    { token },
  );
  if (response.status !== 200) throw new Error(`catalogue: ${response.status}`);
  return response.body.items;
}

export async function planInspection(
  api: TestApi,
  token: string,
  body: {
    propertyId: string;
    inspectorIds: string[];
    kind?: string;
    scheduledAt?: string;
    reason?: string;
  },
): Promise<{ id: string; version: number }> {
  const response = await api.request<{ id: string; version: number }>(
    'POST',
    '/api/v1/inspections',
    {
      token,
      body: {
        kind: 'initial',
        scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
        ...body,
      },
    },
  );
  if (response.status !== 201) {
    throw new Error(`plan: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** `count` findings spread over the catalogue, each with a fresh client UUID. */
export function findings(
  entries: CatalogueEntry[],
  count: number,
  unitId: string | null = null,
): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    catalogueItemId: entries[index % entries.length].id,
    unitId,
    room: `Raum ${index + 1}`,
    description: `Befund ${index + 1}`,
  }));
}
