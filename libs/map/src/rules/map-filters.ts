/**
 * The map's filters (docs/api/map.md, Tiles): parsed from a query string into a typed, normalised
 * object (values sorted and unique, so that equal filters print equal), or field errors naming
 * the parameter. Shared by tiles, the count, the area figures and the exports. Pure: the browser
 * builds its query strings with `mapFiltersQuery`.
 */

export const MAP_LAYERS = ['problems', 'closures', 'portfolio'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

export const FILTER_CASE_STAGES = [
  'investigation',
  'hearing',
  'ordered',
  'monitoring',
  'enforcing',
  'closed',
  'none',
] as const;
export const FILTER_SEVERITIES = ['A', 'B', 'C', 'none'] as const;
export const FILTER_CLOSURE_STATES = ['declared', 'vacated', 'sealed', 'released', 'none'] as const;

export interface MapFilters {
  /** `problems` (default): problem properties; `closures`: closures not released; `portfolio`. */
  layer: MapLayer;
  stages: Array<(typeof FILTER_CASE_STAGES)[number]> | null;
  severities: Array<(typeof FILTER_SEVERITIES)[number]> | null;
  /** `overdue=true|false`: an item past due, or none. */
  overdue: boolean | null;
  closures: Array<(typeof FILTER_CLOSURE_STATES)[number]> | null;
  reinspection: boolean | null;
  /** District ids; `none` for properties without a district. */
  districts: string[] | null;
  landlord: string | null;
  /** With `landlord`: its whole network (lib landlords). */
  network: boolean;
}

export interface FilterError {
  field: string;
  message: string;
}

export type ParsedMapFilters =
  { ok: true; filters: MapFilters } | { ok: false; errors: FilterError[] };

/** The query parameters the filters know; any other is an error. */
export const MAP_FILTER_PARAMETERS = [
  'layer',
  'stage',
  'severity',
  'overdue',
  'closure',
  'reinspection',
  'district',
  'landlord',
  'network',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** No filter at all: every problem property. */
export const NO_MAP_FILTERS: MapFilters = {
  layer: 'problems',
  stages: null,
  severities: null,
  overdue: null,
  closures: null,
  reinspection: null,
  districts: null,
  landlord: null,
  network: false,
};

/** The comma-separated values of a parameter given once or repeated; undefined when absent. */
function valuesOf(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  const given = Array.isArray(raw) ? raw : [raw];
  return given.flatMap((value) => String(value).split(',')).map((value) => value.trim());
}

/**
 * Parses the filter parameters of `query` (a parsed query string: a string or an array of strings
 * per name). `ignore` names parameters that belong to the route rather than to the filters.
 */
export function parseMapFilters(
  query: Record<string, unknown>,
  ignore: readonly string[] = [],
): ParsedMapFilters {
  const errors: FilterError[] = [];
  const known = new Set<string>([...MAP_FILTER_PARAMETERS, ...ignore]);
  for (const name of Object.keys(query)) {
    if (!known.has(name)) errors.push({ field: name, message: 'is not a map filter' });
  }

  function oneOf<T extends string>(name: string, allowed: readonly T[]): T[] | null {
    const values = valuesOf(query[name]);
    if (values === undefined) return null;
    const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
    if (unknown.length > 0) {
      errors.push({
        field: name,
        message: `unknown value ${unknown.map((v) => JSON.stringify(v)).join(', ')}; allowed: ${allowed.join(', ')}`,
      });
      return null;
    }
    return [...new Set(values as T[])].sort();
  }

  function single(name: string): string | undefined {
    const values = valuesOf(query[name]);
    if (values === undefined) return undefined;
    if (values.length !== 1) {
      errors.push({ field: name, message: 'takes one value' });
      return undefined;
    }
    return values[0];
  }

  function flag(name: string): boolean | null {
    const value = single(name);
    if (value === undefined) return null;
    if (value === 'true') return true;
    if (value === 'false') return false;
    errors.push({ field: name, message: 'must be true or false' });
    return null;
  }

  const layer: MapLayer[] = oneOf('layer', MAP_LAYERS) ?? ['problems'];
  if (layer.length > 1) errors.push({ field: 'layer', message: 'takes one value' });

  const districtValues = valuesOf(query.district)?.map((value) => value.toLowerCase());
  let districts: string[] | null = null;
  if (districtValues !== undefined) {
    const wrong = districtValues.filter((value) => value !== 'none' && !UUID.test(value));
    if (wrong.length > 0) {
      errors.push({ field: 'district', message: 'must be district ids (uuid) or none' });
    } else {
      districts = [...new Set(districtValues)].sort();
    }
  }

  const landlord = single('landlord')?.toLowerCase();
  if (landlord !== undefined && !UUID.test(landlord)) {
    errors.push({ field: 'landlord', message: 'must be a landlord id (uuid)' });
  }
  const network = flag('network') ?? false;
  if (network && landlord === undefined) {
    errors.push({ field: 'network', message: 'needs landlord' });
  }
  if (layer[0] === 'portfolio' && landlord === undefined) {
    errors.push({ field: 'landlord', message: 'is required with layer=portfolio' });
  }

  const filters: MapFilters = {
    layer: layer[0],
    stages: oneOf('stage', FILTER_CASE_STAGES),
    severities: oneOf('severity', FILTER_SEVERITIES),
    overdue: flag('overdue'),
    closures: oneOf('closure', FILTER_CLOSURE_STATES),
    reinspection: flag('reinspection'),
    districts,
    landlord: landlord !== undefined && UUID.test(landlord) ? landlord : null,
    network,
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, filters };
}

/** The canonical query string of the filters (parameters in a fixed order, values sorted). */
export function mapFiltersQuery(filters: MapFilters): string {
  const parts: string[] = [];
  if (filters.layer !== 'problems') parts.push(`layer=${filters.layer}`);
  if (filters.stages) parts.push(`stage=${filters.stages.join(',')}`);
  if (filters.severities) parts.push(`severity=${filters.severities.join(',')}`);
  if (filters.overdue !== null) parts.push(`overdue=${filters.overdue}`);
  if (filters.closures) parts.push(`closure=${filters.closures.join(',')}`);
  if (filters.reinspection !== null) parts.push(`reinspection=${filters.reinspection}`);
  if (filters.districts) parts.push(`district=${filters.districts.join(',')}`);
  if (filters.landlord) parts.push(`landlord=${filters.landlord}`);
  if (filters.network) parts.push('network=true');
  return parts.join('&');
}
