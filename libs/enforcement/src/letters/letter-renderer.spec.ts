import { createHash } from 'node:crypto';
import { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates';
import { LetterRenderError } from './letter-placeholders';
import { renderLetterPdf } from './letter-renderer';
import type { LetterData, LetterTemplateContent } from './letter-template-content';
import { pdfText } from './pdf-text.spec-helper';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Text as extracted, with line breaks and runs of blanks made single blanks. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function makeLetterData(overrides: Partial<LetterData> = {}): LetterData {
  return {
    date: '2026-03-02',
    addressee: {
      name: 'Erika Müller-Lüdenscheidt',
      addressLines: ['Große Straße 5', '44623 Herne'],
    },
    property: { address: 'Bahnhofstraße 12, 44623 Herne' },
    officer: { name: 'Olaf Yıldız' },
    items: [
      {
        text: 'Beseitigen Sie den Schimmelbefall im Schlafzimmer der Wohnung EG links.',
        period: { unit: 'days', amount: 30 },
        coerciveFineCents: 50_000,
      },
      {
        text: 'Setzen Sie die Heizungsanlage des Hauses wieder in Betrieb.',
        period: { unit: 'hours', amount: 24 },
        coerciveFineCents: 150_000,
      },
      {
        text: 'Bringen Sie an der Hauseingangstür ein funktionsfähiges Schloss an.',
        period: { until: '2026-04-30' },
      },
    ],
    replyBy: '2026-03-20',
    reasoning: ['Bei der Ortsbesichtigung am 12.02.2026 wurden die Mängel festgestellt.'],
    ...overrides,
  };
}

const REPAIR = DEFAULT_LETTER_TEMPLATES.repair_order;

describe('a repair order rendered as PDF', () => {
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    pdf = await renderLetterPdf(REPAIR, makeLetterData(), '63/2-2026-0042');
    text = flat(await pdfText(pdf));
  });

  it('is a PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows the addressee, the reference, the date and the officer', () => {
    expect(text).toContain('Erika Müller-Lüdenscheidt Große Straße 5 44623 Herne');
    expect(text).toContain('Aktenzeichen: 63/2-2026-0042');
    expect(text).toContain('Datum: 02.03.2026');
    expect(text).toContain('Olaf Yıldız');
  });

  it('shows every item numbered with its period', () => {
    expect(text).toContain(
      '1. Beseitigen Sie den Schimmelbefall im Schlafzimmer der Wohnung EG links. Frist: innerhalb von 30 Tagen nach Zustellung dieses Bescheids',
    );
    expect(text).toContain(
      '2. Setzen Sie die Heizungsanlage des Hauses wieder in Betrieb. Frist: innerhalb von 24 Stunden nach Zustellung dieses Bescheids',
    );
    expect(text).toContain(
      '3. Bringen Sie an der Hauseingangstür ein funktionsfähiges Schloss an. Frist: bis zum 30.04.2026',
    );
  });

  it('threatens the coercive fine of each item that has one, and of no other', () => {
    expect(text).toContain(
      'Für den Fall, dass Sie Nr. 1 nicht fristgerecht erfüllen, wird Ihnen ein Zwangsgeld in Höhe von 500,00 EUR angedroht.',
    );
    expect(text).toContain(
      'Für den Fall, dass Sie Nr. 2 nicht fristgerecht erfüllen, wird Ihnen ein Zwangsgeld in Höhe von 1.500,00 EUR angedroht.',
    );
    expect(text).not.toContain('Nr. 3 nicht fristgerecht');
  });

  it('instructs on the suit at the administrative court, without an objection procedure', () => {
    expect(text).toContain('Rechtsbehelfsbelehrung');
    expect(text).toContain('innerhalb eines Monats nach Zustellung Klage erhoben werden');
    expect(text).toContain(
      'Verwaltungsgericht Gelsenkirchen, Bahnhofsvorplatz 3, 45879 Gelsenkirchen',
    );
    expect(text).not.toMatch(/Widerspruch/);
  });

  it('carries the officer’s reasoning and the legal basis, and no placeholder', () => {
    expect(text).toContain(
      'Bei der Ortsbesichtigung am 12.02.2026 wurden die Mängel festgestellt.',
    );
    expect(text).toContain('§§ 4, 5 und 6 des Gesetzes zur Stärkung des Wohnungswesens');
    expect(text).not.toMatch(/\{\{|\}\}/);
  });

  it('numbers its pages', () => {
    expect(text).toMatch(/Seite 1 von [2-9]/);
  });

  it('leaves out immediate enforcement unless the data asks for it', () => {
    expect(text).not.toContain('Anordnung der sofortigen Vollziehung');
  });
});

describe('the same template version and data', () => {
  it('give the same bytes, whenever they are rendered', async () => {
    const first = await renderLetterPdf(REPAIR, makeLetterData(), 'AZ-1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await renderLetterPdf(REPAIR, makeLetterData(), 'AZ-1');
    expect(sha256(second)).toBe(sha256(first));
    expect(second.equals(first)).toBe(true);
  });

  it('but another date or another text gives other bytes', async () => {
    const base = await renderLetterPdf(REPAIR, makeLetterData(), 'AZ-1');
    const otherDate = await renderLetterPdf(REPAIR, makeLetterData({ date: '2026-03-03' }), 'AZ-1');
    const otherReference = await renderLetterPdf(REPAIR, makeLetterData(), 'AZ-2');
    expect(sha256(otherDate)).not.toBe(sha256(base));
    expect(sha256(otherReference)).not.toBe(sha256(base));
  });
});

describe('umlauts, ß and names from beyond Germany', () => {
  it('round-trip through the PDF', async () => {
    const pdf = await renderLetterPdf(
      REPAIR,
      makeLetterData({
        addressee: {
          name: 'Müller-Lüdenscheidt, Straße, Größe',
          addressLines: ['Äußere Öhrstraße 1 „Hinterhaus“', '44623 Herne'],
        },
        officer: { name: 'Łukasz Wójcik-Şahin' },
      }),
      'AZ-ÄÖÜ-ß',
    );
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Müller-Lüdenscheidt, Straße, Größe');
    expect(text).toContain('Äußere Öhrstraße 1 „Hinterhaus“');
    expect(text).toContain('Łukasz Wójcik-Şahin');
    expect(text).toContain('AZ-ÄÖÜ-ß');
  });

  it('decomposed umlauts (NFD) print as the composed letters', async () => {
    const pdf = await renderLetterPdf(
      REPAIR,
      makeLetterData({
        addressee: { name: 'Mu\u0308ller', addressLines: ['Herne'] },
      }),
      'AZ-1',
    );
    expect(flat(await pdfText(pdf))).toContain('Müller');
  });

  it('a character the letter font lacks is refused, never printed as garbage', async () => {
    await expect(
      renderLetterPdf(
        REPAIR,
        makeLetterData({ addressee: { name: 'Жанна Иванова', addressLines: ['Herne'] } }),
        'AZ-1',
      ),
    ).rejects.toMatchObject({
      name: 'LetterRenderError',
      field: 'data.addressee.name',
      problem: expect.stringMatching(/“Ж” \(U\+0416\), which the letter cannot print/),
    });
  });
});

describe('placeholders', () => {
  const withIntro = (intro: string[]): LetterTemplateContent => ({ ...REPAIR, intro });

  it('a missing value is an error, not a letter with "{{…}}" in it', async () => {
    const template = withIntro(['Sie erreichen mich unter {{officer.phone}}.']);
    await expect(renderLetterPdf(template, makeLetterData(), 'AZ-1')).rejects.toEqual(
      new LetterRenderError(
        'template.intro[0]',
        '{{officer.phone}} has no value in the letter’s data',
      ),
    );
    const pdf = await renderLetterPdf(
      template,
      makeLetterData({ officer: { name: 'Olaf Yıldız', phone: '02323 16-1234' } }),
      'AZ-1',
    );
    expect(flat(await pdfText(pdf))).toContain('Sie erreichen mich unter 02323 16-1234.');
  });

  it('an unknown placeholder is an error', async () => {
    await expect(
      renderLetterPdf(withIntro(['Guten Tag {{addressee.firstName}}']), makeLetterData(), 'AZ-1'),
    ).rejects.toEqual(
      new LetterRenderError('template.intro[0]', 'unknown placeholder {{addressee.firstName}}'),
    );
  });

  it('an item placeholder outside the items is unknown there', async () => {
    await expect(
      renderLetterPdf(withIntro(['Nr. {{item.number}}']), makeLetterData(), 'AZ-1'),
    ).rejects.toMatchObject({ field: 'template.intro[0]' });
  });

  it('extra values fill {{extra.<name>}}, and a missing one is an error', async () => {
    const template = withIntro(['Räumung bis {{extra.moveOut}}.']);
    await expect(renderLetterPdf(template, makeLetterData(), 'AZ-1')).rejects.toMatchObject({
      problem: '{{extra.moveOut}} has no value in the letter’s data',
    });
    const pdf = await renderLetterPdf(
      template,
      makeLetterData({ extra: { moveOut: '31. Mai 2026' } }),
      'AZ-1',
    );
    expect(flat(await pdfText(pdf))).toContain('Räumung bis 31. Mai 2026.');
  });

  it('a value is printed as it is, never read for placeholders', async () => {
    await expect(
      renderLetterPdf(
        REPAIR,
        makeLetterData({ addressee: { name: '{{reference}}', addressLines: ['Herne'] } }),
        'AZ-1',
      ),
    ).rejects.toMatchObject({ field: 'data.addressee.name' });
  });
});

describe('immediate enforcement (§ 80 Abs. 2 Satz 1 Nr. 4 VwGO)', () => {
  it('is ordered with the officer’s special reasons', async () => {
    const pdf = await renderLetterPdf(
      REPAIR,
      makeLetterData({
        immediateEnforcement: {
          reasoning: ['Ohne Heizung droht den Bewohnern im Winter Gesundheitsgefahr.'],
        },
      }),
      'AZ-1',
    );
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Anordnung der sofortigen Vollziehung');
    expect(text).toContain('§ 80 Abs. 2 Satz 1 Nr. 4 der Verwaltungsgerichtsordnung');
    expect(text).toContain('Ohne Heizung droht den Bewohnern im Winter Gesundheitsgefahr.');
  });

  it('its reasons never vanish because a template has no place for them', async () => {
    const template: LetterTemplateContent = {
      ...REPAIR,
      immediateEnforcement: { heading: 'Sofortige Vollziehung', paragraphs: ['Angeordnet.'] },
    };
    await expect(
      renderLetterPdf(
        template,
        makeLetterData({ immediateEnforcement: { reasoning: ['Gefahr.'] } }),
        'AZ-1',
      ),
    ).rejects.toMatchObject({ field: 'data.immediateEnforcement.reasoning' });
  });
});

describe('the data', () => {
  it.each([
    [{ date: '2026-02-30' }, 'data.date'],
    [{ items: [] }, 'data.items'],
    [{ items: [{ text: 'x', period: { unit: 'weeks', amount: 2 } }] }, 'data.items[0].period.unit'],
    [{ items: [{ text: 'x', period: { until: '2026-03-01' } }] }, 'data.items[0].period.until'],
    [
      { items: [{ text: 'x', period: { unit: 'days', amount: 30 }, coerciveFineCents: 500 }] },
      'data.items[0].coerciveFineCents',
    ],
    [{ addressee: { name: ' ', addressLines: ['Herne'] } }, 'data.addressee.name'],
    [{ reasoning: null }, 'template.reasoning.paragraphs[0]'],
  ])('%j is refused at %s', async (overrides, field) => {
    await expect(
      renderLetterPdf(REPAIR, makeLetterData(overrides as Partial<LetterData>), 'AZ-1'),
    ).rejects.toMatchObject({ field });
  });
});

describe('every shipped template', () => {
  it.each(Object.entries(DEFAULT_LETTER_TEMPLATES))(
    '%s makes a letter with the addressee, the items and no placeholder left',
    async (_key, template) => {
      const pdf = await renderLetterPdf(
        template,
        makeLetterData({ immediateEnforcement: { reasoning: ['Gefahr im Verzug.'] } }),
        'AZ-7',
      );
      const text = flat(await pdfText(pdf));
      expect(text).toContain('Erika Müller-Lüdenscheidt');
      expect(text).toContain('Beseitigen Sie den Schimmelbefall');
      expect(text).toContain('Gefahr im Verzug.');
      expect(text).toContain('500,00 EUR');
      expect(text).not.toMatch(/\{\{|\}\}|Widerspruch/);
    },
  );

  it('the hearing asks for a reply by the given day and names no remedy', async () => {
    const pdf = await renderLetterPdf(DEFAULT_LETTER_TEMPLATES.hearing, makeLetterData(), 'AZ-7');
    const text = flat(await pdfText(pdf));
    expect(text).toContain('Anhörung nach § 28 Abs. 1');
    expect(text).toContain('bis zum 20.03.2026');
    expect(text).toContain(
      'Beabsichtigte Frist: innerhalb von 30 Tagen nach Zustellung der Ordnungsverfügung',
    );
    expect(text).not.toContain('Rechtsbehelfsbelehrung');
  });
});
