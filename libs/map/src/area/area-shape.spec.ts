import { MAX_POLYGON_POSITIONS, parseAreaShape } from './area-shape';

const square = [
  [7.2, 51.5],
  [7.21, 51.5],
  [7.21, 51.51],
  [7.2, 51.51],
  [7.2, 51.5],
];

describe('parseAreaShape', () => {
  it('takes a rectangle', () => {
    expect(parseAreaShape({ bbox: [7.1, 51.5, 7.3, 51.6] })).toEqual({
      kind: 'bbox',
      west: 7.1,
      south: 51.5,
      east: 7.3,
      north: 51.6,
    });
  });

  it('takes a closed polygon and a district', () => {
    expect(parseAreaShape({ polygon: { type: 'Polygon', coordinates: [square] } })).toEqual({
      kind: 'polygon',
      geojson: { type: 'Polygon', coordinates: [square] },
    });
    const districtId = '0b6f2b56-6d3c-4a8e-9a55-3a1f7d1c2e10';
    expect(parseAreaShape({ districtId })).toEqual({ kind: 'district', districtId });
  });

  it.each([
    [{}, 'bbox', /exactly one/],
    [{ bbox: [7.1, 51.5, 7.3, 51.6], districtId: 'x' }, 'bbox', /exactly one/],
    [{ bbox: [7.3, 51.5, 7.1, 51.6] }, 'bbox', /west must be less than east/],
    [{ bbox: [7.1, 51.5, 7.3] }, 'bbox', /\[west, south, east, north\]/],
    [{ bbox: [7.1, 51.5, 190, 51.6] }, 'bbox', /longitude/],
    [{ bbox: ['7', 51.5, 7.3, 51.6] }, 'bbox', /\[west, south, east, north\]/],
    [{ districtId: 'nope' }, 'districtId', /UUID/],
    [{ polygon: { type: 'Point', coordinates: [7, 51] } }, 'polygon', /GeoJSON Polygon/],
    [{ polygon: { type: 'Polygon', coordinates: [] } }, 'polygon.coordinates', /a ring/],
    [
      { polygon: { type: 'Polygon', coordinates: [square.slice(0, 3)] } },
      'polygon.coordinates[0]',
      /at least 4/,
    ],
    [
      { polygon: { type: 'Polygon', coordinates: [square.slice(0, 4).concat([[7.3, 51.5]])] } },
      'polygon.coordinates[0]',
      /end where it starts/,
    ],
    [
      {
        polygon: {
          type: 'Polygon',
          coordinates: [[...square.slice(0, 2), [7.2, 95], ...square.slice(2)]],
        },
      },
      'polygon.coordinates[0][2]',
      /latitude/,
    ],
  ])('refuses %j naming %s', (body, field, message) => {
    const result = parseAreaShape(body);
    expect(Array.isArray(result)).toBe(true);
    const [error] = result as Array<{ field: string; message: string }>;
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('refuses a polygon with too many positions', () => {
    const ring = Array.from({ length: MAX_POLYGON_POSITIONS }, (_, i) => [
      7 + Math.cos(i) / 100,
      51.5 + Math.sin(i) / 100,
    ]);
    ring.push(ring[0]);
    expect(parseAreaShape({ polygon: { type: 'Polygon', coordinates: [ring] } })).toEqual([
      { field: 'polygon', message: `may hold at most ${MAX_POLYGON_POSITIONS} positions` },
    ]);
  });
});
