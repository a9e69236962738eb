import { csvField, csvRow, exportColumns, ExportRow, geojsonFeature } from './export-format';

const row: ExportRow = {
  property_id: '5d0c2a57-8f5e-4a0e-9d0e-1c1f8d1e2a3b',
  lon: 7.21999949,
  lat: 51.5388,
  address: 'Bahnhofstraße 12, 44623 Herne',
  district: 'Herne-Mitte',
  risk_score: 62,
  risk_class: 2,
  severity: 'C',
  case_stage: 'monitoring',
  item_overdue: true,
  closure_state: 'none',
  reinspection_planned: false,
  open_defects_a: 1,
  open_defects_b: 0,
  open_defects_c: 1,
  open_items: 2,
  overdue_items: 1,
  occupants: 7,
  next_deadline: '2026-12-01',
  owner_name: '=HYPERLINK("x")',
  manager_name: null,
};

describe('export formats', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-5 Grad')).toBe("'-5 Grad");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
  });

  it('leaves the owner and manager out without the permission', () => {
    expect(exportColumns(false)).not.toContain('owner_name');
    expect(exportColumns(true).slice(-2)).toEqual(['owner_name', 'manager_name']);
    const line = csvRow(row, exportColumns(false));
    expect(line).not.toContain('HYPERLINK');
    expect(line.endsWith('\r\n')).toBe(true);
    expect(csvRow(row, exportColumns(true))).toContain(`"'=HYPERLINK(""x"")",`);
  });

  it('writes a GeoJSON point feature with the row as its properties', () => {
    const feature = geojsonFeature(row, exportColumns(false)) as {
      geometry: { coordinates: number[] };
      properties: Record<string, unknown>;
      id: string;
    };
    expect(feature.id).toBe(row.property_id);
    expect(feature.geometry.coordinates).toEqual([7.219999, 51.5388]);
    expect(feature.properties.risk_score).toBe(62);
    expect(feature.properties).not.toHaveProperty('lon');
    expect(feature.properties).not.toHaveProperty('owner_name');
  });
});
