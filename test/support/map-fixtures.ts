import { randomUUID } from 'node:crypto';
import { RiskService } from '@hausakte/map';
import { RequestContext } from '@hausakte/platform';
import type { TestApi } from '@hausakte/testing';
import { defaultPeriodEntries } from './enforcement-fixtures';
import { createProperty, planInspection } from './inspection-fixtures';

export interface MapFixtureProperty {
  id: string;
  street: string;
  lon: number;
  lat: number;
}

/**
 * A property at a point, inspected with one defect per severity given, and (with `openCase`)
 * an open case holding them: what the map shows as a problem property (or, with only an A
 * defect and no case, does not show).
 */
export async function inspectedProperty(
  api: TestApi,
  tokens: { officer: string; inspector: string; inspectorId: string },
  options: {
    street: string;
    lon: number;
    lat: number;
    severities: Array<'A' | 'B' | 'C'>;
    openCase?: boolean;
    /** An owner of this name (a company) from 2020 on. */
    owner?: string;
  },
): Promise<MapFixtureProperty & { ownerId?: string }> {
  const entries = await defaultPeriodEntries(api, tokens.officer);
  const property = await createProperty(api, tokens.officer, {
    street: options.street,
    lon: options.lon,
    lat: options.lat,
  });
  const planned = await planInspection(api, tokens.officer, {
    propertyId: property.id,
    inspectorIds: [tokens.inspectorId],
  });
  const findings = options.severities.map((severity, index) => ({
    id: randomUUID(),
    catalogueItemId: entries[severity].id,
    room: `Raum ${index + 1}`,
    description: `Befund ${index + 1}`,
  }));
  const completed = await api.request('POST', `/api/v1/inspections/${planned.id}/complete`, {
    token: tokens.inspector,
    body: { outcome: 'done', findings },
  });
  if (completed.status !== 200) {
    throw new Error(`inspection: ${completed.status} ${JSON.stringify(completed.body)}`);
  }
  if (options.openCase) {
    const opened = await api.request('POST', '/api/v1/cases', {
      token: tokens.officer,
      body: { propertyId: property.id, defectIds: findings.map((finding) => finding.id) },
    });
    if (opened.status !== 201) {
      throw new Error(`case: ${opened.status} ${JSON.stringify(opened.body)}`);
    }
  }
  let ownerId: string | undefined;
  if (options.owner) {
    const landlord = await api.request<{ id: string }>('POST', '/api/v1/landlords', {
      token: tokens.officer,
      body: { kind: 'company', name: options.owner },
    });
    if (landlord.status !== 201) {
      throw new Error(`landlord: ${landlord.status} ${JSON.stringify(landlord.body)}`);
    }
    ownerId = landlord.body.id;
    const owned = await api.request('POST', `/api/v1/properties/${property.id}/ownerships`, {
      token: tokens.officer,
      body: { landlordId: ownerId, role: 'owner', validFrom: '2020-01-01' },
    });
    if (owned.status !== 201) {
      throw new Error(`ownership: ${owned.status} ${JSON.stringify(owned.body)}`);
    }
  }
  return { id: property.id, street: options.street, lon: options.lon, lat: options.lat, ownerId };
}

/**
 * The worker keeps risk and the map's read model through the outbox; a test api runs no worker,
 * so the test recomputes them (scores, then `map_properties` and the grid) as the nightly job does.
 */
export function refreshMap(api: TestApi): Promise<number> {
  return api.app.get(RequestContext).run(null, () => api.app.get(RiskService).recomputeAll());
}

/** Web Mercator pixel of a point at a zoom (256-pixel tiles), as Leaflet computes it. */
export function worldPixel(lon: number, lat: number, zoom: number): { x: number; y: number } {
  const size = 256 * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: ((lon + 180) / 360) * size,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size,
  };
}
