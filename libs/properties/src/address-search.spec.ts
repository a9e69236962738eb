import { normalizeSearch, searchTextOf } from './address-search';

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
