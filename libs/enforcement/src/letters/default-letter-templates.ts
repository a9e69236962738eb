/**
 * ENTWÜRFE — vom Rechtsamt der Stadt Herne zu prüfen, bevor ein Brief damit versandt wird.
 * DRAFTS for the city's legal office to review before any letter goes out with them.
 *
 * The letter templates Hausakte ships, installed as version 1 of each key (`npm run migrate`);
 * admins change them through the API, which stores each change as a new version. The wording
 * follows DOMAIN.md: hearing under § 28 VwVfG NRW; orders under §§ 4, 6, 9, 10, 16 WohnStG NRW;
 * coercive fine threatened under §§ 55, 57, 60, 63 VwVG NRW; immediate enforcement under § 80
 * Abs. 2 Satz 1 Nr. 4 VwGO with its special reasons (§ 80 Abs. 3 VwGO); legal remedy: a suit at
 * the Verwaltungsgericht Gelsenkirchen within one month of service (§ 74 VwGO) — NRW has no
 * objection procedure (§ 110 JustG NRW), so the instructions name none. Addresses, phone number
 * and the department's name are the city's to confirm.
 */
import type { LetterTemplateContent, LetterTemplateKey } from './letter-template-content';

export const DEFAULT_COURT =
  'Verwaltungsgericht Gelsenkirchen, Bahnhofsvorplatz 3, 45879 Gelsenkirchen';

const LETTERHEAD = [
  'Stadt Herne',
  'Der Oberbürgermeister',
  'Fachbereich Wohnen – Wohnungsaufsicht',
  'Friedrich-Ebert-Platz 2',
  '44623 Herne',
];

/** What every template shares: the frame of the letter. */
const FRAME = {
  letterhead: LETTERHEAD,
  returnAddress: 'Stadt Herne · Der Oberbürgermeister · 44621 Herne',
  infoBlock: [
    'Aktenzeichen: {{reference}}',
    'Datum: {{date}}',
    'Auskunft erteilt: {{officer.name}}',
  ],
  salutation: 'Sehr geehrte Damen und Herren,',
  court: DEFAULT_COURT,
  closing: ['Mit freundlichen Grüßen'],
  signature: ['Im Auftrag', '', '{{officer.name}}'],
  footer: [
    'Stadt Herne · Der Oberbürgermeister · Friedrich-Ebert-Platz 2 · 44623 Herne',
    'Bitte geben Sie bei jeder Antwort das Aktenzeichen {{reference}} an.',
  ],
  pageNumber: 'Seite {{page}} von {{pages}}',
} satisfies Partial<LetterTemplateContent>;

/** Periods as an order words them: counted from service (Zustellung). */
const ORDER_PERIODS: LetterTemplateContent['periods'] = {
  days: 'innerhalb von {{amount}} Tagen nach Zustellung dieses Bescheids',
  day: 'innerhalb eines Tages nach Zustellung dieses Bescheids',
  hours: 'innerhalb von {{amount}} Stunden nach Zustellung dieses Bescheids',
  hour: 'innerhalb einer Stunde nach Zustellung dieses Bescheids',
  until:
    'bis zum {{until}} (dieser Tag ist auch dann maßgeblich, wenn er auf einen Sonnabend, einen Sonntag oder einen gesetzlichen Feiertag fällt, § 31 Abs. 3 Satz 2 VwVfG NRW)',
};

const COERCIVE_FINE: LetterTemplateContent['coerciveFine'] = {
  heading: 'Androhung von Zwangsgeld',
  intro: [
    'Zur Durchsetzung der vorstehenden Anordnungen drohe ich Ihnen nach §§ 55, 57 Abs. 1 Nr. 2, 60 und 63 des Verwaltungsvollstreckungsgesetzes für das Land Nordrhein-Westfalen (VwVG NRW) Zwangsgelder an:',
  ],
  perItem:
    'Für den Fall, dass Sie Nr. {{item.number}} nicht fristgerecht erfüllen, wird Ihnen ein Zwangsgeld in Höhe von {{item.fine}} angedroht.',
  outro: [
    'Das Zwangsgeld wird festgesetzt, wenn die jeweilige Verpflichtung nicht innerhalb der dafür gesetzten Frist erfüllt ist. Es kann, verbunden mit einer erneuten Androhung, wiederholt werden, bis die Verpflichtung erfüllt ist (§ 57 Abs. 3 VwVG NRW). Die Höhe berücksichtigt die Bedeutung der Verpflichtung und Ihr wirtschaftliches Interesse an der Nichtbefolgung (§ 60 Abs. 1 VwVG NRW).',
  ],
};

const IMMEDIATE_ENFORCEMENT: LetterTemplateContent['immediateEnforcement'] = {
  heading: 'Anordnung der sofortigen Vollziehung',
  paragraphs: [
    'Die sofortige Vollziehung dieser Ordnungsverfügung wird nach § 80 Abs. 2 Satz 1 Nr. 4 der Verwaltungsgerichtsordnung (VwGO) im öffentlichen Interesse angeordnet. Eine Klage hat daher keine aufschiebende Wirkung.',
    'Das besondere Interesse an der sofortigen Vollziehung (§ 80 Abs. 3 Satz 1 VwGO) begründe ich wie folgt:',
    '{{immediateEnforcement.reasoning}}',
    'Auf Antrag kann das {{court}} die aufschiebende Wirkung der Klage ganz oder teilweise wiederherstellen (§ 80 Abs. 5 VwGO).',
  ],
};

const LEGAL_REMEDIES: LetterTemplateContent['legalRemedies'] = {
  heading: 'Rechtsbehelfsbelehrung',
  paragraphs: [
    'Gegen diesen Bescheid kann innerhalb eines Monats nach Zustellung Klage erhoben werden. Die Klage ist schriftlich oder zur Niederschrift des Urkundsbeamten der Geschäftsstelle beim {{court}} zu erheben.',
    'Die Klage kann auch durch Übertragung eines elektronischen Dokuments an die elektronische Poststelle des Gerichts erhoben werden. Das elektronische Dokument muss für die Bearbeitung durch das Gericht geeignet sein. Es muss mit einer qualifizierten elektronischen Signatur der verantwortenden Person versehen sein oder von der verantwortenden Person signiert und auf einem sicheren Übermittlungsweg gemäß § 55a Abs. 4 VwGO eingereicht werden. Die für die Übermittlung und Bearbeitung geeigneten technischen Rahmenbedingungen bestimmen sich nach näherer Maßgabe der Elektronischer-Rechtsverkehr-Verordnung (ERVV).',
  ],
};

const ORDER_REASONING_LAW = [
  'Die festgestellten Mängel beeinträchtigen den Gebrauch des Wohnraums zu Wohnzwecken. Als Verfügungsberechtigte bzw. Verfügungsberechtigter sind Sie für den ordnungsgemäßen Zustand verantwortlich und deshalb richtige Adressatin bzw. richtiger Adressat dieser Verfügung.',
  'Die Anordnungen sind geeignet, erforderlich und angemessen. Ein milderes, gleich wirksames Mittel ist nicht ersichtlich. Die Fristen sind nach Art und Umfang der erforderlichen Maßnahmen und nach der Gefahr für die Bewohnerinnen und Bewohner bemessen. Ihre Äußerung im Anhörungsverfahren habe ich, soweit sie vorlag, berücksichtigt.',
  'Die Androhung des Zwangsgeldes beruht auf §§ 55 Abs. 1, 57 Abs. 1 Nr. 2, 60 und 63 VwVG NRW. Das Zwangsgeld ist das mildeste geeignete Zwangsmittel.',
];

export const DEFAULT_LETTER_TEMPLATES: Readonly<Record<LetterTemplateKey, LetterTemplateContent>> =
  {
    hearing: {
      ...FRAME,
      subject: [
        'Anhörung nach § 28 Abs. 1 Verwaltungsverfahrensgesetz NRW (VwVfG NRW)',
        'Grundstück {{property.address}}',
      ],
      intro: [
        'die Wohnungsaufsicht der Stadt Herne hat auf dem Grundstück {{property.address}} Mängel festgestellt, die den Anforderungen des Wohnraumstärkungsgesetzes (WohnStG NRW) nicht genügen. Nach den mir vorliegenden Unterlagen sind Sie für dieses Grundstück verfügungsberechtigt.',
        'Ich beabsichtige, Ihnen durch Ordnungsverfügung aufzugeben, die nachstehend aufgeführten Mängel innerhalb der jeweils genannten Frist zu beseitigen. Bevor ich entscheide, gebe ich Ihnen Gelegenheit, sich zu den für die Entscheidung erheblichen Tatsachen zu äußern.',
      ],
      items: {
        heading: 'Beabsichtigte Anordnungen',
        entry: '{{item.text}}',
        period: 'Beabsichtigte Frist: {{item.period}}',
      },
      periods: {
        days: 'innerhalb von {{amount}} Tagen nach Zustellung der Ordnungsverfügung',
        day: 'innerhalb eines Tages nach Zustellung der Ordnungsverfügung',
        hours: 'innerhalb von {{amount}} Stunden nach Zustellung der Ordnungsverfügung',
        hour: 'innerhalb einer Stunde nach Zustellung der Ordnungsverfügung',
        until: 'bis zum {{until}}',
      },
      coerciveFine: {
        heading: 'Beabsichtigte Androhung von Zwangsgeld',
        intro: [],
        perItem:
          'Für den Fall, dass Sie Nr. {{item.number}} nicht fristgerecht erfüllen, beabsichtige ich, Ihnen ein Zwangsgeld in Höhe von {{item.fine}} anzudrohen (§§ 55, 57, 60, 63 VwVG NRW).',
        outro: [],
      },
      immediateEnforcement: {
        heading: 'Beabsichtigte Anordnung der sofortigen Vollziehung',
        paragraphs: [
          'Ich beabsichtige, die sofortige Vollziehung der Ordnungsverfügung nach § 80 Abs. 2 Satz 1 Nr. 4 VwGO anzuordnen. Dafür sprechen folgende Gründe:',
          '{{immediateEnforcement.reasoning}}',
        ],
      },
      reasoning: {
        heading: 'Sachverhalt',
        paragraphs: ['{{reasoning}}'],
      },
      legalBasis: {
        heading: 'Gelegenheit zur Äußerung',
        paragraphs: [
          'Nach § 28 Abs. 1 VwVfG NRW erhalten Sie Gelegenheit, sich bis zum {{replyBy}} schriftlich oder zur Niederschrift bei der Wohnungsaufsicht unter Angabe des Aktenzeichens zu äußern. Haben Sie die Mängel bereits beseitigt, teilen Sie mir dies bitte mit geeigneten Nachweisen (zum Beispiel Rechnungen oder Fotos) mit.',
          'Geht bis zu diesem Tag keine Äußerung ein, werde ich nach Aktenlage entscheiden. Rechtsgrundlagen der beabsichtigten Ordnungsverfügung sind §§ 4, 5 und 6 WohnStG NRW.',
        ],
      },
      legalRemedies: {
        heading: 'Hinweis',
        paragraphs: [
          'Dieses Schreiben ist eine Anhörung und noch keine Entscheidung; ein Rechtsbehelf ist dagegen nicht gegeben.',
        ],
      },
    },

    repair_order: {
      ...FRAME,
      subject: [
        'Ordnungsverfügung nach §§ 4 und 6 Wohnraumstärkungsgesetz (WohnStG NRW)',
        'Grundstück {{property.address}}',
      ],
      intro: [
        'auf dem Grundstück {{property.address}} hat die Wohnungsaufsicht der Stadt Herne Mängel festgestellt, die den Gebrauch des Wohnraums zu Wohnzwecken erheblich beeinträchtigen. An Sie als Verfügungsberechtigte bzw. Verfügungsberechtigten ergeht daher folgende Ordnungsverfügung:',
      ],
      items: {
        heading: 'Ich ordne an:',
        entry: '{{item.text}}',
        period: 'Frist: {{item.period}}',
      },
      periods: ORDER_PERIODS,
      coerciveFine: COERCIVE_FINE,
      immediateEnforcement: IMMEDIATE_ENFORCEMENT,
      reasoning: {
        heading: 'Begründung',
        paragraphs: [
          '{{reasoning}}',
          'Nach § 4 WohnStG NRW ist Wohnraum so zu erhalten, dass sein ordnungsgemäßer Gebrauch zu Wohnzwecken nicht erheblich beeinträchtigt ist; § 5 WohnStG NRW bestimmt die Mindestanforderungen. Nach § 6 WohnStG NRW kann die Gemeinde anordnen, dass Verfügungsberechtigte die zur Behebung solcher Mängel erforderlichen Instandsetzungsarbeiten durchführen.',
          ...ORDER_REASONING_LAW,
        ],
      },
      legalBasis: {
        heading: 'Rechtsgrundlagen',
        paragraphs: [
          '§§ 4, 5 und 6 des Gesetzes zur Stärkung des Wohnungswesens in Nordrhein-Westfalen (Wohnraumstärkungsgesetz – WohnStG NRW); §§ 55, 57, 60 und 63 des Verwaltungsvollstreckungsgesetzes für das Land Nordrhein-Westfalen (VwVG NRW).',
        ],
      },
      legalRemedies: LEGAL_REMEDIES,
    },

    uninhabitability_order: {
      ...FRAME,
      subject: [
        'Unbewohnbarkeitserklärung nach § 9 Wohnraumstärkungsgesetz (WohnStG NRW)',
        'Grundstück {{property.address}}',
      ],
      intro: [
        'auf dem Grundstück {{property.address}} hat die Wohnungsaufsicht der Stadt Herne Mängel festgestellt, die den Gebrauch zu Wohnzwecken erheblich beeinträchtigen und bei denen eine Gefährdung der Gesundheit der Bewohnerinnen und Bewohner zu befürchten ist. An Sie als Verfügungsberechtigte bzw. Verfügungsberechtigten ergeht daher folgende Verfügung:',
      ],
      items: {
        heading: 'Ich erkläre für unbewohnbar und ordne an:',
        entry: '{{item.text}}',
        period: 'Frist: {{item.period}}',
      },
      periods: ORDER_PERIODS,
      coerciveFine: COERCIVE_FINE,
      immediateEnforcement: IMMEDIATE_ENFORCEMENT,
      reasoning: {
        heading: 'Begründung',
        paragraphs: [
          '{{reasoning}}',
          'Nach § 9 WohnStG NRW kann die Gemeinde Wohnraum für unbewohnbar erklären, wenn Mängel im Sinne der §§ 5 und 6 WohnStG NRW den Gebrauch zu Wohnzwecken erheblich beeinträchtigen und eine Gefährdung der Gesundheit zu befürchten ist; das gilt auch für leerstehenden Wohnraum. Für unbewohnbar erklärter Wohnraum darf nicht mehr zu Wohnzwecken überlassen oder benutzt werden.',
          'Die Frist für die Räumung ist so bemessen, dass den Bewohnerinnen und Bewohnern angemessener Ersatzwohnraum zur Verfügung steht, soweit nicht eine unmittelbare Gefahr eine frühere Räumung erfordert. Die Bewohnerinnen und Bewohner werden über diese Verfügung unterrichtet.',
          ...ORDER_REASONING_LAW,
        ],
      },
      legalBasis: {
        heading: 'Rechtsgrundlagen',
        paragraphs: [
          '§§ 5, 6 und 9 des Gesetzes zur Stärkung des Wohnungswesens in Nordrhein-Westfalen (Wohnraumstärkungsgesetz – WohnStG NRW); §§ 55, 57, 60 und 63 des Verwaltungsvollstreckungsgesetzes für das Land Nordrhein-Westfalen (VwVG NRW).',
        ],
      },
      legalRemedies: LEGAL_REMEDIES,
    },

    occupancy_order: {
      ...FRAME,
      subject: [
        'Anordnung zur Belegung nach § 10 Wohnraumstärkungsgesetz (WohnStG NRW)',
        'Grundstück {{property.address}}',
      ],
      intro: [
        'die Wohnungsaufsicht der Stadt Herne hat festgestellt, dass Wohnraum auf dem Grundstück {{property.address}} von mehr Personen bewohnt wird, als nach § 10 WohnStG NRW zulässig ist. An Sie als Verfügungsberechtigte bzw. Verfügungsberechtigten ergeht daher folgende Verfügung:',
      ],
      items: {
        heading: 'Ich ordne an:',
        entry: '{{item.text}}',
        period: 'Frist: {{item.period}}',
      },
      periods: ORDER_PERIODS,
      coerciveFine: COERCIVE_FINE,
      immediateEnforcement: IMMEDIATE_ENFORCEMENT,
      reasoning: {
        heading: 'Begründung',
        paragraphs: [
          '{{reasoning}}',
          'Nach § 10 WohnStG NRW darf Wohnraum nur überlassen oder benutzt werden, wenn für jede Person eine Wohnfläche von mindestens 10 Quadratmetern vorhanden ist; für Einzelzimmer mit gemeinschaftlich genutzten Nebenräumen genügen 8 Quadratmeter je Person. Ist der Wohnraum überbelegt, kann die Gemeinde anordnen, dass er nicht länger von mehr Personen bewohnt wird, als danach zulässig ist. Die Räumung wird erst verlangt, wenn angemessener Ersatzwohnraum zur Verfügung steht.',
          ...ORDER_REASONING_LAW,
        ],
      },
      legalBasis: {
        heading: 'Rechtsgrundlagen',
        paragraphs: [
          '§ 10 des Gesetzes zur Stärkung des Wohnungswesens in Nordrhein-Westfalen (Wohnraumstärkungsgesetz – WohnStG NRW); §§ 55, 57, 60 und 63 des Verwaltungsvollstreckungsgesetzes für das Land Nordrhein-Westfalen (VwVG NRW).',
        ],
      },
      legalRemedies: LEGAL_REMEDIES,
    },

    cooperation_order: {
      ...FRAME,
      subject: [
        'Anordnung zur Mitwirkung nach § 16 Wohnraumstärkungsgesetz (WohnStG NRW)',
        'Grundstück {{property.address}}',
      ],
      intro: [
        'zur Prüfung der Wohnverhältnisse auf dem Grundstück {{property.address}} benötigt die Wohnungsaufsicht der Stadt Herne Auskünfte und Unterlagen, über die Sie als Verfügungsberechtigte bzw. Verfügungsberechtigter verfügen. Deshalb ergeht an Sie folgende Verfügung:',
      ],
      items: {
        heading: 'Ich ordne an:',
        entry: '{{item.text}}',
        period: 'Frist: {{item.period}}',
      },
      periods: ORDER_PERIODS,
      coerciveFine: COERCIVE_FINE,
      immediateEnforcement: IMMEDIATE_ENFORCEMENT,
      reasoning: {
        heading: 'Begründung',
        paragraphs: [
          '{{reasoning}}',
          'Nach § 16 WohnStG NRW sind Verfügungsberechtigte verpflichtet, der Gemeinde die zur Erfüllung ihrer Aufgaben nach dem Wohnraumstärkungsgesetz erforderlichen Auskünfte zu erteilen und Unterlagen, zum Beispiel Mietverträge, vorzulegen. Die angeforderten Auskünfte und Unterlagen sind erforderlich, um zu prüfen, ob Maßnahmen nach dem Wohnraumstärkungsgesetz zu treffen sind.',
          'Die Anordnung ist geeignet, erforderlich und angemessen; die Frist lässt Ihnen ausreichend Zeit, die Unterlagen zusammenzustellen. Die Androhung des Zwangsgeldes beruht auf §§ 55 Abs. 1, 57 Abs. 1 Nr. 2, 60 und 63 VwVG NRW.',
        ],
      },
      legalBasis: {
        heading: 'Rechtsgrundlagen',
        paragraphs: [
          '§ 16 des Gesetzes zur Stärkung des Wohnungswesens in Nordrhein-Westfalen (Wohnraumstärkungsgesetz – WohnStG NRW); §§ 55, 57, 60 und 63 des Verwaltungsvollstreckungsgesetzes für das Land Nordrhein-Westfalen (VwVG NRW).',
        ],
      },
      legalRemedies: LEGAL_REMEDIES,
    },
  };
