import {
  compactHouseNumber,
  normalizeSearch,
  propertiesAtAddress,
  searchTextOf,
} from './address-search';

describe('address search text', () => {
  it.each([
    ['Bahnhofstraße', 'bahnhofstr'],
    ['Bahnhofstrasse', 'bahnhofstr'],
    ['Bahnhofstr.', 'bahnhofstr'],
    ['BAHNHOFSTR', 'bahnhofstr'],
    ['Am Stadtgarten 3a', 'am stadtgarten 3a'],
    ['Europapl. 1', 'europaplatz 1'],
  ])('folds %s to %s', (input, expected) => {
    expect(normalizeSearch(input)).toBe(expected);
  });

  it('joins street, number, postcode, city and district', () => {
    expect(
      searchTextOf({
        street: 'Hauptstraße',
        houseNumber: '12b',
        postcode: '44649',
        city: 'Herne',
        district: 'Wanne',
      }),
    ).toBe('hauptstr 12b 44649 herne wanne');
  });
});

describe('the properties at an address', () => {
  const row = (propertyId: string, street: string, houseNumber: string) => ({
    propertyId,
    street,
    houseNumber,
  });

  it('folds spellings of the street and of the house number', () => {
    expect(compactHouseNumber('12 - A')).toBe('12a');
    expect(
      propertiesAtAddress([row('p1', 'Bahnhofstraße', '12a')], {
        street: 'bahnhofstr.',
        houseNumber: '12 A',
      }),
    ).toEqual(['p1']);
  });

  it('names every property at the address once, in the order given, and no longer street', () => {
    expect(
      propertiesAtAddress(
        [
          row('herne', 'Bahnhofstraße', '12'),
          row('herne', 'Bahnhofstr.', '12'),
          row('nord', 'Bahnhofstraße Nord', '12'),
          row('other', 'Bahnhofstraße', '12a'),
          row('wanne', 'Bahnhofstrasse', '12'),
        ],
        { street: 'Bahnhofstraße', houseNumber: '12' },
      ),
    ).toEqual(['herne', 'wanne']);
  });

  it('names none for a blank street or number', () => {
    const rows = [row('p1', 'Bahnhofstraße', '12')];
    expect(propertiesAtAddress(rows, { street: ' ', houseNumber: '12' })).toEqual([]);
    expect(propertiesAtAddress(rows, { street: 'Bahnhofstraße', houseNumber: '-' })).toEqual([]);
  });
});
