import { mapFiltersQuery, NO_MAP_FILTERS, parseMapFilters } from './map-filters';

const LANDLORD = '6f1c2b1e-9a0d-4c8e-8f7a-2b3c4d5e6f70';
const DISTRICT = '0b0e1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';

describe('map filters', () => {
  it('are none without parameters: every problem property', () => {
    expect(parseMapFilters({})).toEqual({ ok: true, filters: NO_MAP_FILTERS });
  });

  it('take comma-separated and repeated values, sorted and unique', () => {
    const parsed = parseMapFilters({
      stage: ['monitoring,hearing', 'hearing'],
      severity: 'C,B',
      overdue: 'true',
      closure: 'sealed,none',
      reinspection: 'false',
      district: `${DISTRICT.toUpperCase()},none`,
    });
    expect(parsed).toEqual({
      ok: true,
      filters: {
        ...NO_MAP_FILTERS,
        stages: ['hearing', 'monitoring'],
        severities: ['B', 'C'],
        overdue: true,
        closures: ['none', 'sealed'],
        reinspection: false,
        districts: [DISTRICT, 'none'],
      },
    });
  });

  it('print the same canonical query for equal filters', () => {
    const a = parseMapFilters({ severity: 'C,B', stage: 'hearing' });
    const b = parseMapFilters({ stage: 'hearing', severity: ['B', 'C', 'B'] });
    if (!a.ok || !b.ok) throw new Error('expected valid filters');
    expect(mapFiltersQuery(a.filters)).toBe('stage=hearing&severity=B,C');
    expect(mapFiltersQuery(b.filters)).toBe(mapFiltersQuery(a.filters));
    expect(mapFiltersQuery(NO_MAP_FILTERS)).toBe('');
  });

  it('name the parameter of an unknown value', () => {
    expect(parseMapFilters({ stage: 'hearing,appeal' })).toEqual({
      ok: false,
      errors: [{ field: 'stage', message: expect.stringContaining('"appeal"') }],
    });
    expect(parseMapFilters({ severity: 'D' })).toMatchObject({
      ok: false,
      errors: [{ field: 'severity' }],
    });
    expect(parseMapFilters({ overdue: 'yes' })).toMatchObject({
      ok: false,
      errors: [{ field: 'overdue' }],
    });
    expect(parseMapFilters({ district: 'Herne-Mitte' })).toMatchObject({
      ok: false,
      errors: [{ field: 'district' }],
    });
    expect(parseMapFilters({ layer: 'density' })).toMatchObject({
      ok: false,
      errors: [{ field: 'layer' }],
    });
  });

  it('refuse parameters that are not filters, and empty values', () => {
    expect(parseMapFilters({ colour: 'red' })).toMatchObject({
      ok: false,
      errors: [{ field: 'colour', message: 'is not a map filter' }],
    });
    expect(parseMapFilters({ stage: '' })).toMatchObject({
      ok: false,
      errors: [{ field: 'stage' }],
    });
  });

  it('take one landlord, its network only with it, and the portfolio only for a landlord', () => {
    expect(parseMapFilters({ landlord: LANDLORD, network: 'true' })).toEqual({
      ok: true,
      filters: { ...NO_MAP_FILTERS, landlord: LANDLORD, network: true },
    });
    expect(parseMapFilters({ landlord: `${LANDLORD},${LANDLORD}` })).toMatchObject({
      ok: false,
      errors: [{ field: 'landlord', message: 'takes one value' }],
    });
    expect(parseMapFilters({ landlord: 'Müller' })).toMatchObject({
      ok: false,
      errors: [{ field: 'landlord' }],
    });
    expect(parseMapFilters({ network: 'true' })).toMatchObject({
      ok: false,
      errors: [{ field: 'network', message: 'needs landlord' }],
    });
    expect(parseMapFilters({ layer: 'portfolio' })).toMatchObject({
      ok: false,
      errors: [{ field: 'landlord', message: 'is required with layer=portfolio' }],
    });
  });

  it('collect every error at once', () => {
    const parsed = parseMapFilters({ stage: 'x', severity: 'y', overdue: 'z' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors.map((e) => e.field)).toEqual(['stage', 'severity', 'overdue']);
  });
});
