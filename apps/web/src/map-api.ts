// The map API (docs/api/map.md): vector tiles, the count, the popup, area figures, the dashboard
// and the exports. The page's filters live in its address; the same names go to the api, so a
// bookmark of the page and the tile, summary and export URLs all say the same thing.
import { queryString, request, segment, type Page, type Role } from './api';

export const mapBase = '/api/v1/map';

export const mapStages = [
  'investigation',
  'hearing',
  'ordered',
  'monitoring',
  'enforcing',
  'closed',
  'none',
] as const;
export type MapStage = (typeof mapStages)[number];

export const mapSeverities = ['C', 'B', 'A', 'none'] as const;
export type MapSeverity = (typeof mapSeverities)[number];

export const mapClosures = ['declared', 'vacated', 'sealed', 'released', 'none'] as const;
export type MapClosure = (typeof mapClosures)[number];

/** What the tiles show: problem properties, closures only, or one landlord's whole portfolio. */
export const mapLayers = ['problems', 'closures', 'portfolio'] as const;
export type MapLayer = (typeof mapLayers)[number];

/** Risk classes 0 low (< 20), 1 medium (< 50), 2 high (< 80), 3 critical. */
export const riskClasses = [0, 1, 2, 3] as const;
export type RiskClass = (typeof riskClasses)[number];

export interface MapFilters {
  stage: MapStage[];
  severity: MapSeverity[];
  overdue: boolean;
  closure: MapClosure[];
  reinspection: boolean;
  district: string[];
  landlord: string | undefined;
  network: boolean;
  layer: MapLayer;
}

export const emptyFilters: MapFilters = {
  stage: [],
  severity: [],
  overdue: false,
  closure: [],
  reinspection: false,
  district: [],
  landlord: undefined,
  network: false,
  layer: 'problems',
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Values of a comma-separated parameter that are among `allowed`, in `allowed`'s order. */
function listOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]) {
  const given = new Set((params.get(name) ?? '').split(',').map((value) => value.trim()));
  return allowed.filter((value) => given.has(value));
}

/** The filters a page address names; unknown values are dropped (an old bookmark still opens). */
export function readFilters(search: string): MapFilters {
  const params = new URLSearchParams(search);
  const landlord = params.get('landlord') ?? '';
  const layer = params.get('layer');
  // District ids, or `none` for the properties in no district.
  const district = (params.get('district') ?? '')
    .split(',')
    .filter((value) => value === 'none' || uuidPattern.test(value));
  const filters: MapFilters = {
    stage: listOf(params, 'stage', mapStages),
    severity: listOf(params, 'severity', mapSeverities),
    overdue: params.get('overdue') === 'true',
    closure: listOf(params, 'closure', mapClosures),
    reinspection: params.get('reinspection') === 'true',
    district,
    landlord: uuidPattern.test(landlord) ? landlord : undefined,
    network: params.get('network') === 'true',
    layer: mapLayers.find((value) => value === layer) ?? 'problems',
  };
  // A portfolio needs its landlord.
  if (filters.layer === 'portfolio' && !filters.landlord) filters.layer = 'problems';
  if (!filters.landlord) filters.network = false;
  return filters;
}

/** The filters as api query parameters (what tiles, summary, exports and the page use). */
export function filterParams(filters: MapFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.layer !== 'problems') params.set('layer', filters.layer);
  if (filters.stage.length) params.set('stage', filters.stage.join(','));
  if (filters.severity.length) params.set('severity', filters.severity.join(','));
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.closure.length) params.set('closure', filters.closure.join(','));
  if (filters.reinspection) params.set('reinspection', 'true');
  if (filters.district.length) params.set('district', filters.district.join(','));
  if (filters.landlord) {
    params.set('landlord', filters.landlord);
    if (filters.network) params.set('network', 'true');
  }
  return params;
}

/** `?stage=hearing&overdue=true`, or '' without filters. */
export function filterQuery(filters: MapFilters): string {
  const text = filterParams(filters).toString();
  return text ? `?${text}` : '';
}

/** The tile URL template for Leaflet (`{z}/{x}/{y}` filled in per tile). */
export const tileUrlTemplate = (filters: MapFilters): string =>
  `${mapBase}/tiles/{z}/{x}/{y}.mvt${filterQuery(filters)}`;

export const exportUrl = (format: 'csv' | 'geojson', filters: MapFilters): string =>
  `${mapBase}/export.${format}${filterQuery(filters)}`;

/** Who gets owner and manager names in exports (DOMAIN.md: exports of personal data). */
export const canExportPersonalData = (role: Role): boolean =>
  role === 'officer' || role === 'manager';

// ---- answers ------------------------------------------------------------------------------

export interface MapSummary {
  count: number;
}

export interface RiskFactor {
  factor: string;
  count: number;
  points: number;
  label: { de: string; en: string };
}

/** A landlord on the popup; `name` is null for roles that may not read the register. */
export interface LandlordRef {
  id: string;
  name: string | null;
}

/** The popup of one property (libs/map map-tiles.dto.ts `MapPopupDto`). */
export interface MapPropertyDetail {
  propertyId: string;
  address: string | null;
  /** `[lon, lat]` */
  location: [number, number];
  problem: boolean;
  risk: { score: number; class: number; factors: RiskFactor[]; computedAt: string | null };
  caseStage: MapStage;
  severity: MapSeverity;
  closureState: MapClosure;
  itemOverdue: boolean;
  reinspectionPlanned: boolean;
  openDefects: { A: number; B: number; C: number };
  openItems: number;
  overdueItems: number;
  nextDeadline: string | null;
  occupants: number;
  owner: LandlordRef | null;
  manager: LandlordRef | null;
  /** The property id to link to. */
  link: string;
}

export type AreaShape =
  | { bbox: [number, number, number, number] }
  | { districtId: string }
  | { polygon: { type: 'Polygon'; coordinates: number[][][] } };

/** The figures of what the filters select inside an area (libs/map area.dto.ts). */
export interface AreaFigures {
  /** Problem properties (every property of a portfolio with `layer=portfolio`). */
  properties: number;
  openDefects: { A: number; B: number; C: number };
  openItems: number;
  overdueItems: number;
  /** Properties with a closure not released. */
  closures: number;
  occupants: number;
  areaKm2: number;
}

/** One district's row (docs/api/map.md; libs/map dashboard.dto.ts). */
export interface DashboardDistrict {
  /** null: properties in no district. */
  districtId: string | null;
  name: string | null;
  problemProperties: number;
  openCases: number;
  overdueItems: number;
  /** Closures not released. */
  activeClosures: number;
}

export interface DashboardMonth {
  /** `YYYY-MM` */
  month: string;
  casesOpened: number;
  ordersServed: number;
  itemsOverdue: number;
  closuresDeclared: number;
}

export interface DashboardTotals {
  problemProperties: number;
  openCases: number;
  overdueItems: number;
  deadlinesThisWeek: number;
  reinspectionsPlanned: number;
  closures: { declared: number; vacated: number; sealed: number; releasedLast12Months: number };
}

export interface Dashboard {
  /** The Berlin date the figures are for. */
  today: string;
  districtId: string | null;
  totals: DashboardTotals;
  /** Most problem properties first. */
  districts: DashboardDistrict[];
  /** The last 12 months, oldest first. */
  trend: DashboardMonth[];
}

export interface LandlordHit {
  id: string;
  name: string;
  kind: string;
  city: string | null;
}

export const mapApi = {
  summary(filters: MapFilters, signal?: AbortSignal): Promise<MapSummary> {
    return request('GET', `/map/summary${filterQuery(filters)}`, { signal });
  },

  property(id: string, signal?: AbortSignal): Promise<MapPropertyDetail> {
    return request('GET', `/map/properties/${segment(id)}`, { signal });
  },

  area(shape: AreaShape, filters: MapFilters, signal?: AbortSignal): Promise<AreaFigures> {
    // The filters go as their query parameters, in an object of their own.
    const body = { ...shape, filters: Object.fromEntries(filterParams(filters)) };
    return request('POST', '/map/area', { body, signal });
  },

  dashboard(districtId: string | undefined, signal?: AbortSignal): Promise<Dashboard> {
    return request('GET', `/dashboard${queryString({ district: districtId })}`, { signal });
  },

  landlords(q: string, signal?: AbortSignal): Promise<Page<LandlordHit>> {
    return request('GET', `/landlords${queryString({ q, limit: 10 })}`, { signal });
  },

  /** The districts' outlines (GeoJSON, WGS84) for the overlay. */
  districtOutlines(signal?: AbortSignal): Promise<GeoJSON.FeatureCollection> {
    return request('GET', '/map/districts.geojson', { signal });
  },

  landlordName(id: string, signal?: AbortSignal): Promise<{ id: string; name: string }> {
    return request('GET', `/landlords/${segment(id)}`, { signal });
  },
};
