/**
 * Texts of the demo activity: what complaints say, where defects are, why a visit failed.
 * Invented for the demo; no record describes a real person or house.
 */
import type { ComplaintSource } from '@hausakte/inspections';

/** What reporters write, by the legal ground a person would file the complaint under. */
export const COMPLAINT_TEXTS: Record<string, readonly string[]> = {
  s5_1: [
    'Im Treppenhaus hängen offene Kabel aus der Wand.',
    'Im Hausflur riecht es seit gestern nach Gas.',
    'Die Sicherungen fliegen ständig raus, der Vermieter reagiert nicht.',
  ],
  s5_2: [
    'Die Heizung in der Wohnung ist seit zwei Wochen ausgefallen, der Vermieter reagiert nicht.',
    'Die Heizkörper im Kinderzimmer bleiben kalt.',
    'Seit Oktober keine Heizung, die Familie heizt mit einem Elektroofen.',
  ],
  s5_3: [
    'Seit über einer Woche kein warmes Wasser.',
    'Die Toilette ist verstopft, der Hausmeister kommt nicht.',
    'Im Keller steht Abwasser, es riecht im ganzen Haus.',
  ],
  s5_5: [
    'Schimmel im Schlafzimmer und im Bad, die Kinder sind ständig krank.',
    'Nach jedem Regen tropft Wasser durch die Decke.',
    'Das Fenster im Wohnzimmer ist seit Monaten kaputt, es zieht.',
  ],
  s5_7: [
    'Das Bad hat kein Fenster und die Lüftung funktioniert nicht.',
    'Die Fenster im Schlafzimmer lassen sich nicht öffnen.',
  ],
  s5_other: [
    'Die Haustür lässt sich nicht abschließen, Fremde übernachten im Keller.',
    'Das Treppenhauslicht ist seit Wochen defekt.',
    'Sperrmüll im Treppenhaus versperrt den Weg nach draußen.',
  ],
  s6: [
    'Vom Dach fallen Ziegel auf den Gehweg.',
    'Der Balkon hat große Risse, der Putz bröckelt ab.',
    'Das Fenster im Treppenhaus ist eingeschlagen und wird nicht repariert.',
  ],
  s10: [
    'In der Zweizimmerwohnung im 2. OG wohnen anscheinend mehr als zehn Personen.',
    'Ständig wechselnde Bewohner, Matratzen im Flur.',
    'Vermutlich Überbelegung: sehr viele Personen in einer kleinen Wohnung.',
  ],
};

/** The grounds complaints are filed under most often, with weights. */
export const COMPLAINT_GROUNDS: ReadonlyArray<readonly [string, number]> = [
  ['s5_5', 5],
  ['s5_2', 4],
  ['s5_3', 3],
  ['s10', 2],
  ['s5_other', 2],
  ['s6', 2],
  ['s5_1', 1],
  ['s5_7', 1],
];

export const COMPLAINT_SOURCE_WEIGHTS: ReadonlyArray<readonly [ComplaintSource, number]> = [
  ['tenant', 8],
  ['neighbour', 4],
  ['anonymous', 4],
  ['police', 2],
  ['job_centre', 2],
];

/** How a text begins when an authority passes it on. */
export const SOURCE_PREFIX: Partial<Record<ComplaintSource, string>> = {
  police: 'Hinweis der Polizei nach einem Einsatz: ',
  job_centre: 'Mitteilung des Jobcenters, eine Leistungsbezieherin berichtet: ',
};

export const UNIT_ROOMS = [
  'Küche',
  'Bad',
  'Schlafzimmer',
  'Wohnzimmer',
  'Kinderzimmer',
  'Flur',
  'Abstellraum',
] as const;

export const COMMON_ROOMS = ['Treppenhaus', 'Keller', 'Dachboden', 'Hof', 'Hauseingang'] as const;

export const DEFECT_DETAILS = [
  'laut Mieter seit mehreren Wochen',
  'laut Mieterin seit Monaten bekannt',
  'Vermieter nach Angabe der Bewohner informiert',
  'bei der Begehung festgestellt',
  'Bewohner berichten von wiederholtem Auftreten',
  'Fotos angefertigt',
] as const;

export const SEVERITY_UP_REASONS = [
  'Kleinkind im Haushalt, erhöhte Gefährdung',
  'Bewohnerin gesundheitlich vorbelastet',
] as const;

export const SEVERITY_DOWN_REASONS = [
  'Nur geringes Ausmaß, keine Gefährdung der Bewohner',
  'Betrifft einen selten genutzten Nebenraum',
] as const;

export const JOINT_PARTNERS: ReadonlyArray<readonly string[]> = [
  ['Polizei', 'Ordnungsamt'],
  ['Feuerwehr', 'Ordnungsamt'],
  ['Polizei', 'Jobcenter'],
  ['Bauordnungsamt'],
];

export const DONE_NOTES = [
  'Zutritt zu allen Wohnungen.',
  'Mieter anwesend, Eigentümer nicht erschienen.',
  'Hausverwaltung vor Ort, Mängel besprochen.',
  'Nicht alle Wohnungen zugänglich; die zugänglichen begangen.',
] as const;

export const NO_ACCESS_REASONS = [
  'Niemand angetroffen',
  'Mieter verweigert den Zutritt',
  'Hauseingang verschlossen, Klingelanlage ohne Funktion',
] as const;

export const CANCEL_REASONS = [
  'Eigentümer hat den Termin abgesagt',
  'Terminkollision: Amtshilfe für die Polizei',
  'Mängel laut Foto-Nachweis der Hausverwaltung behoben; Termin entfällt',
  'Krankheit; Termin wird neu vereinbart',
] as const;

export const INITIAL_REASONS = [
  'Erstbegehung nach Hinweis des Ordnungsamts',
  'Erstbegehung: Objekt in der Liste der Problemimmobilien',
  'Erstbegehung nach Eigentümerwechsel',
] as const;
