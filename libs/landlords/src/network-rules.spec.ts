import {
  addressKey,
  deriveLinks,
  isPropertyManager,
  linkReason,
  NetworkLandlord,
  networksOf,
  personKey,
  registerKey,
} from './network-rules';

/** Ids sort as their letters do: "a…" < "b…". */
const landlord = (id: string, overrides: Partial<NetworkLandlord> = {}): NetworkLandlord => ({
  id,
  kind: 'person',
  street: null,
  houseNumber: null,
  postcode: null,
  city: null,
  registerNumber: null,
  directors: [],
  ...overrides,
});

const at = (street: string, houseNumber: string, postcode = '44623', city = 'Herne') => ({
  street,
  houseNumber,
  postcode,
  city,
});

describe('normalising what links landlords', () => {
  it.each([
    ['Bahnhofstraße', '12', '44623', 'bahnhofstr|12|44623'],
    ['Bahnhofstr.', '12', '44623', 'bahnhofstr|12|44623'],
    ['Bahnhof Strasse', '12 A', ' 44623 ', 'bahnhofstr|12a|44623'],
    ['Am Müller-Hof', '3-5', '44649', 'ammuellerhof|35|44649'],
  ])('%s %s, %s → %s', (street, number, postcode, key) => {
    expect(addressKey(street, number, postcode)).toBe(key);
  });

  it('has no address key without street, house number or postcode', () => {
    expect(addressKey('Bahnhofstraße', null, '44623')).toBeNull();
    expect(addressKey(' ', '12', '44623')).toBeNull();
    expect(addressKey('Bahnhofstraße', '12', '')).toBeNull();
  });

  it.each([
    ['HRB 12345', 'HRB12345'],
    ['hr b 12345', 'HRB12345'],
    ['HRB-12345', 'HRB12345'],
    ['HRA 7 (AG Bochum)', 'HRA7AGBOCHUM'],
  ])('register number %s → %s', (raw, key) => {
    expect(registerKey(raw)).toBe(key);
  });

  it('takes text without a digit for no register number', () => {
    expect(registerKey('unbekannt')).toBeNull();
    expect(registerKey(null)).toBeNull();
  });

  it.each([
    ['Max Muster', 'max muster'],
    ['Muster, Max', 'max muster'],
    ['Dr. Max  Muster', 'max muster'],
    ['Jürgen Weiß', 'juergen weiss'],
  ])('director %s → %s', (raw, key) => {
    expect(personKey(raw)).toBe(key);
  });

  it('says why in words', () => {
    expect(linkReason('address', 'address', 'Bahnhofstr. 12, 44623 Herne')).toBe(
      'gleiche Postanschrift: Bahnhofstr. 12, 44623 Herne',
    );
    expect(linkReason('director', 'director', 'Max Muster')).toBe(
      'gleicher Geschäftsführer: Max Muster',
    );
    expect(linkReason('register', 'register', 'HRB 12345')).toBe(
      'gleiche Registernummer: HRB 12345',
    );
  });
});

describe('which landlords link, and why', () => {
  it('links two landlords at one address however it is spelt, naming the address', () => {
    const links = deriveLinks([
      landlord('a', at('Bahnhofstr.', '12')),
      landlord('b', at('Bahnhofstraße', '12')),
      landlord('c', at('Bahnhofstraße', '14')),
    ]);
    expect(links).toEqual([
      {
        landlordAId: 'a',
        landlordBId: 'b',
        kind: 'address',
        source: 'address',
        detail: 'Bahnhofstr. 12, 44623 Herne',
        reason: 'gleiche Postanschrift: Bahnhofstr. 12, 44623 Herne',
      },
    ]);
  });

  it('links companies by register number and by a director, each pair once per reason', () => {
    const links = deriveLinks([
      landlord('a', { kind: 'company', registerNumber: 'HRB 4711', directors: ['Max Muster'] }),
      landlord('b', { kind: 'company', registerNumber: 'hrb4711', directors: ['Muster, Max'] }),
      landlord('c', { kind: 'company', directors: ['Dr. Max Muster', 'Eva Frei'] }),
    ]);
    expect(links.map((l) => `${l.landlordAId}-${l.landlordBId} ${l.reason}`)).toEqual([
      'a-b gleiche Registernummer: HRB 4711',
      'a-b gleicher Geschäftsführer: Max Muster',
      'a-c gleicher Geschäftsführer: Max Muster',
      'b-c gleicher Geschäftsführer: Muster, Max',
    ]);
  });

  it('lets a property manager be "managed by", never a tie between its clients', () => {
    const office = at('Hauptstraße', '1');
    const links = deriveLinks(
      [
        landlord('m', { kind: 'company', ...office }),
        landlord('a', office),
        landlord('b', office),
        landlord('c', at('Ringstraße', '9')),
      ],
      [{ managerId: 'm', ownerId: 'c', properties: 2 }],
    );
    expect(links.map((l) => [l.landlordAId, l.landlordBId, l.kind, l.source])).toEqual([
      ['a', 'm', 'managed_by', 'address'],
      ['b', 'm', 'managed_by', 'address'],
      ['c', 'm', 'managed_by', 'ownership'],
    ]);
    expect(networksOf(links).size).toBe(0);
  });

  it('links no one through an address more than ten landlords share, and takes a company there for their manager', () => {
    const crowd = Array.from({ length: 11 }, (_, i) =>
      landlord(`p${String(i).padStart(2, '0')}`, at('Postfach', '100')),
    );
    expect(deriveLinks(crowd)).toEqual([]);
    const withFirm = deriveLinks([
      ...crowd,
      landlord('f', { kind: 'company', ...at('Postfach', '100') }),
    ]);
    expect(withFirm).toHaveLength(11);
    expect(withFirm.every((l) => l.kind === 'managed_by' && l.landlordBId === 'f')).toBe(true);
  });

  it('never links a split pair, whatever they share', () => {
    const links = deriveLinks(
      [
        landlord('a', { ...at('Bahnhofstraße', '12'), directors: ['Max Muster'] }),
        landlord('b', { ...at('Bahnhofstraße', '12'), directors: ['Max Muster'] }),
      ],
      [],
      [['b', 'a']],
    );
    expect(links).toEqual([]);
  });
});

describe('the manager rule', () => {
  it('holds for a landlord managing properties of other owners', () => {
    expect(
      isPropertyManager({ kind: 'person', managesOthersProperties: true, landlordsAtAddress: 1 }),
    ).toBe(true);
  });

  it('holds for a company at an address more than ten landlords share', () => {
    expect(
      isPropertyManager({
        kind: 'company',
        managesOthersProperties: false,
        landlordsAtAddress: 11,
      }),
    ).toBe(true);
    expect(
      isPropertyManager({
        kind: 'company',
        managesOthersProperties: false,
        landlordsAtAddress: 10,
      }),
    ).toBe(false);
  });

  it('never holds for a person only because many share the address', () => {
    expect(
      isPropertyManager({ kind: 'person', managesOthersProperties: false, landlordsAtAddress: 50 }),
    ).toBe(false);
  });
});

describe('networks', () => {
  const edge = (a: string, b: string) => ({
    landlordAId: a,
    landlordBId: b,
    kind: 'director' as const,
  });

  it('are connected components named by their lowest id', () => {
    const networks = networksOf([edge('c', 'd'), edge('b', 'c'), edge('x', 'y')]);
    expect(Object.fromEntries(networks)).toEqual({ b: 'b', c: 'b', d: 'b', x: 'x', y: 'x' });
  });

  it('fall apart where an officer split the only tie', () => {
    const networks = networksOf([edge('a', 'b'), edge('b', 'c')], [['c', 'b']]);
    expect(Object.fromEntries(networks)).toEqual({ a: 'a', b: 'a' });
  });

  it('stay together when the split pair is still tied through a third', () => {
    const networks = networksOf([edge('a', 'b'), edge('b', 'c'), edge('a', 'c')], [['a', 'c']]);
    expect(new Set(networks.values())).toEqual(new Set(['a']));
    expect(networks.size).toBe(3);
  });

  it('never follow a managed-by link', () => {
    expect(networksOf([{ landlordAId: 'a', landlordBId: 'm', kind: 'managed_by' }]).size).toBe(0);
  });
});
