import { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates';
import { composeLetter, euroAmount, germanDate, unprintableCharacter } from './letter-composition';
import type { LetterData } from './letter-template-content';

const data: LetterData = {
  date: '2026-03-02',
  addressee: { name: 'Firma Beispiel GmbH', addressLines: ['Hauptstraße 1', '44623 Herne'] },
  property: { address: 'Bahnhofstraße 12, 44623 Herne' },
  officer: { name: 'Olaf Yıldız' },
  items: [
    { text: 'A', period: { unit: 'days', amount: 1 } },
    { text: 'B', period: { unit: 'hours', amount: 1 } },
    { text: 'C', period: { unit: 'days', amount: 90 }, coerciveFineCents: 1_000 },
  ],
  reasoning: ['Gründe.'],
};

describe('composing a letter', () => {
  const letter = composeLetter(DEFAULT_LETTER_TEMPLATES.repair_order, data, 'AZ-9');

  it('words single days and hours in the singular', () => {
    expect(letter.items.entries.map((item) => item.period)).toEqual([
      'Frist: innerhalb eines Tages nach Zustellung dieses Bescheids',
      'Frist: innerhalb einer Stunde nach Zustellung dieses Bescheids',
      'Frist: innerhalb von 90 Tagen nach Zustellung dieses Bescheids',
    ]);
  });

  it('threatens a fine only for the items that carry one', () => {
    expect(letter.coerciveFine.perItem).toEqual([
      'Für den Fall, dass Sie Nr. 3 nicht fristgerecht erfüllen, wird Ihnen ein Zwangsgeld in Höhe von 10,00 EUR angedroht.',
    ]);
  });

  it('uses the template’s salutation unless the data names one', () => {
    expect(letter.salutation).toBe('Sehr geehrte Damen und Herren,');
    const personal = composeLetter(
      DEFAULT_LETTER_TEMPLATES.repair_order,
      { ...data, addressee: { ...data.addressee, salutation: 'Sehr geehrte Frau Öztürk,' } },
      'AZ-9',
    );
    expect(personal.salutation).toBe('Sehr geehrte Frau Öztürk,');
  });

  it('numbers pages through the template', () => {
    expect(letter.pageNumber(2, 3)).toBe('Seite 2 von 3');
  });
});

describe('formats', () => {
  it('writes dates the German way', () => {
    expect(germanDate('2026-01-05')).toBe('05.01.2026');
  });

  it('writes euro amounts with thousands separators', () => {
    expect(euroAmount(50_000)).toBe('500,00 EUR');
    expect(euroAmount(150_005)).toBe('1.500,05 EUR');
    expect(euroAmount(10_000_000)).toBe('100.000,00 EUR');
  });

  it('knows which characters the letter font prints', () => {
    expect(unprintableCharacter('Äußere Straße ẞ „x“ – 5 € § ½ ıİşŞğĞłŁ ș ț\nzwei')).toBeNull();
    expect(unprintableCharacter('Zoë 😀')).toBe('😀');
    expect(unprintableCharacter('tab\there')).toBe('\t');
  });
});
