import { personalContactFieldsShown } from './contact-data';

const address = { street: 'Bahnhofstraße', houseNumber: '1', postcode: '44623', city: 'Herne' };

describe('contact data whose reading is logged', () => {
  it('names each field a person has', () => {
    expect(
      personalContactFieldsShown({
        kind: 'person',
        email: 'k.kowalski@example.org',
        phone: null,
        postalAddress: address,
      }),
    ).toEqual(['email', 'postalAddress']);
  });

  it('is nothing for a person without contact data', () => {
    expect(
      personalContactFieldsShown({ kind: 'person', email: null, phone: null, postalAddress: null }),
    ).toEqual([]);
  });

  it('is nothing for a company, whatever it has', () => {
    expect(
      personalContactFieldsShown({
        kind: 'company',
        email: 'info@wohnbau.example',
        phone: '+49 2323 160',
        postalAddress: address,
      }),
    ).toEqual([]);
  });
});
