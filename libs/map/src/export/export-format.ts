/**
 * The rows of a map export and their two formats. Pure: the service streams rows in; these turn
 * each into a CSV line or a GeoJSON feature. Names of owners and managers are personal data
 * (landlords may be natural persons): they are in a row only when the caller may export them.
 */

export interface ExportRow {
  property_id: string;
  lon: number;
  lat: number;
  address: string | null;
  district: string | null;
  risk_score: number;
  risk_class: number;
  severity: string;
  case_stage: string;
  item_overdue: boolean;
  closure_state: string;
  reinspection_planned: boolean;
  open_defects_a: number;
  open_defects_b: number;
  open_defects_c: number;
  open_items: number;
  overdue_items: number;
  occupants: number;
  next_deadline: string | null;
  owner_name?: string | null;
  manager_name?: string | null;
}

/** The columns in order; the personal ones last, present only with the permission. */
export const EXPORT_COLUMNS = [
  'property_id',
  'lon',
  'lat',
  'address',
  'district',
  'risk_score',
  'risk_class',
  'severity',
  'case_stage',
  'item_overdue',
  'closure_state',
  'reinspection_planned',
  'open_defects_a',
  'open_defects_b',
  'open_defects_c',
  'open_items',
  'overdue_items',
  'occupants',
  'next_deadline',
] as const satisfies ReadonlyArray<keyof ExportRow>;

export const PERSONAL_EXPORT_COLUMNS = [
  'owner_name',
  'manager_name',
] as const satisfies ReadonlyArray<keyof ExportRow>;

export function exportColumns(withPersonalData: boolean): ReadonlyArray<keyof ExportRow> {
  return withPersonalData ? [...EXPORT_COLUMNS, ...PERSONAL_EXPORT_COLUMNS] : EXPORT_COLUMNS;
}

/**
 * One CSV field (RFC 4180). Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * CR at the start) gets a leading apostrophe: an export must not carry code into Excel.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(
  values: ReadonlyArray<string | number | boolean | null | undefined>,
): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function csvRow(row: ExportRow, columns: ReadonlyArray<keyof ExportRow>): string {
  return csvLine(columns.map((column) => row[column]));
}

/** A GeoJSON feature; the coordinates are WGS84 with six decimals (about 10 cm). */
export function geojsonFeature(row: ExportRow, columns: ReadonlyArray<keyof ExportRow>): object {
  const properties: Record<string, unknown> = {};
  for (const column of columns) {
    if (column !== 'lon' && column !== 'lat') properties[column] = row[column] ?? null;
  }
  return {
    type: 'Feature',
    id: row.property_id,
    geometry: { type: 'Point', coordinates: [round6(row.lon), round6(row.lat)] },
    properties,
  };
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
