/**
 * The defect catalogue Hausakte ships (Mängelkatalog): the first version of every entry, seeded
 * into `catalogue_items`, which admins then edit as new versions. Browser-safe data: imports only
 * its siblings.
 *
 * - Codes are stable forever: `S5-<n>-NN` for § 5 Abs. 1 Nr. n, `S5-O-NN` for the other § 5
 *   requirements, `S6-NN`, `S9-NN`, `S10-NN`. A retired entry keeps its code; a new one takes
 *   the next free number.
 * - Severities follow DOMAIN.md's table (C immediate danger, B hazardous, A non-hazardous) and
 *   its examples. `period: null` means the severity's default applies (C 24 hours, B 30 days,
 *   A 90 days); only a few entries carry their own period.
 * - Descriptions say what the inspector finds on site, in one sentence.
 *
 * Readings for the legal office to check:
 * - Smoke alarms: the duty is § 47 Abs. 3 BauO NRW 2018; filed under `s5_other`.
 * - "Large-area" mould: more than about 0.5 m², the threshold of the Umweltbundesamt's
 *   Schimmelleitfaden for extensive growth; smaller growth is A.
 * - `S10-*`: the descriptions quote the WohnStG rates (10 m², 8 m² for single rooms with shared
 *   ancillary rooms). Whether a unit is overcrowded is decided by the overcrowding rule in force
 *   on the inspection day (`overcrowding.ts`), not by these words. Moving out is ordered only once
 *   replacement housing exists (§ 10 Abs. 3), so the officer will usually set a longer period.
 * - `S9-03` (a flat declared uninhabitable is lived in again) is B, not C: the move-out still waits
 *   for replacement housing (§ 9 Abs. 4) unless there is immediate danger, which the officer
 *   records as a C defect of its own.
 */
import type { PeriodLength, Severity } from './severity';
import type { LegalGroundId } from './legal-grounds';
import type { Bilingual } from './overcrowding-rule-sets';

export interface DefaultCatalogueItem {
  /** Stable across versions, e.g. "S5-3-02". */
  readonly code: string;
  readonly legalGround: LegalGroundId;
  readonly title: Bilingual;
  /** What the inspector sees, in one sentence. */
  readonly description: Bilingual;
  readonly severity: Severity;
  /** The entry's own period; null: its severity's default applies. */
  readonly period: Readonly<PeriodLength> | null;
}

export const DEFAULT_DEFECT_CATALOGUE: readonly DefaultCatalogueItem[] = [
  // § 5 Abs. 1 Nr. 1: electricity and heating energy
  {
    code: 'S5-1-01',
    legalGround: 's5_1',
    title: { de: 'Gasgeruch', en: 'Smell of gas' },
    description: {
      de: 'In der Wohnung, im Treppenhaus oder im Keller ist Gasgeruch wahrnehmbar.',
      en: 'Gas can be smelt in the flat, the stairwell or the cellar.',
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S5-1-02',
    legalGround: 's5_1',
    title: { de: 'Offen liegende spannungsführende Leitungen', en: 'Exposed live wires' },
    description: {
      de: 'Elektrische Leitungen, Klemmen oder Dosen liegen ohne Abdeckung offen und sind berührbar.',
      en: 'Electrical wires, terminals or boxes lie open without a cover and can be touched.',
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S5-1-03',
    legalGround: 's5_1',
    title: { de: 'Keine Stromversorgung', en: 'No electricity supply' },
    description: {
      de: 'Die Wohnung ist ohne Strom, weil der Anschluss fehlt, abgeklemmt oder nicht nur vorübergehend gestört ist.',
      en: 'The flat has no electricity because the connection is missing, cut off or out of order for more than a short time.',
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S5-1-04',
    legalGround: 's5_1',
    title: { de: 'Elektroverteilung schadhaft', en: 'Faulty fuse box' },
    description: {
      de: 'Sicherungen lösen wiederholt aus oder der Sicherungskasten ist beschädigt, ohne dass spannungsführende Teile berührbar sind.',
      en: 'Fuses trip repeatedly or the fuse box is damaged, without live parts being exposed.',
    },
    severity: 'B',
    period: null,
  },

  // § 5 Abs. 1 Nr. 2: heating and flues
  {
    code: 'S5-2-01',
    legalGround: 's5_2',
    title: { de: 'Keine Heizung in der Heizperiode', en: 'No heating in the heating season' },
    description: {
      de: 'Die Wohnung lässt sich in der Heizperiode nicht beheizen, weil die Heizungsanlage fehlt oder ausgefallen ist.',
      en: 'The flat cannot be heated during the heating season because the heating system is missing or has failed.',
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S5-2-02',
    legalGround: 's5_2',
    title: {
      de: 'Einzelne Räume nicht ausreichend beheizbar',
      en: 'Some rooms cannot be heated adequately',
    },
    description: {
      de: 'Einzelne Aufenthaltsräume lassen sich nicht ausreichend beheizen, etwa weil Heizkörper fehlen oder kalt bleiben.',
      en: 'Individual habitable rooms cannot be heated adequately, for example because radiators are missing or stay cold.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-2-03',
    legalGround: 's5_2',
    title: { de: 'Austritt von Abgasen', en: 'Flue gases escaping' },
    description: {
      de: 'Abgase einer Feuerstätte treten in Wohnräume aus, oder die Abgasanlage ist undicht oder verstopft.',
      en: 'Flue gases from a heating appliance escape into living space, or the flue is leaking or blocked.',
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S5-2-04',
    legalGround: 's5_2',
    title: {
      de: 'Beanstandungen der Feuerstättenschau nicht behoben',
      en: "Chimney sweep's findings not remedied",
    },
    description: {
      de: 'Der bevollmächtigte Bezirksschornsteinfeger hat an Feuerstätte oder Abgasanlage Mängel festgestellt, die nicht behoben sind.',
      en: 'The district chimney sweep has found defects in a heating appliance or flue that have not been remedied.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-2-05',
    legalGround: 's5_2',
    title: { de: 'Heizkörperventil defekt', en: 'Faulty radiator valve' },
    description: {
      de: 'Ein Heizkörperventil lässt sich nicht regeln; der Raum bleibt beheizbar.',
      en: 'A radiator valve cannot be adjusted; the room can still be heated.',
    },
    severity: 'A',
    period: null,
  },

  // § 5 Abs. 1 Nr. 3: water, drainage, sanitary facilities
  {
    code: 'S5-3-01',
    legalGround: 's5_3',
    title: { de: 'Keine Warmwasserversorgung', en: 'No hot water' },
    description: {
      de: 'An Spüle, Waschbecken, Dusche oder Badewanne fließt kein warmes Wasser.',
      en: 'No hot water runs at the sink, washbasin, shower or bath.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-3-02',
    legalGround: 's5_3',
    title: { de: 'Keine Trinkwasserversorgung', en: 'No drinking water supply' },
    description: {
      de: 'In der Wohnung fließt kein Trinkwasser.',
      en: 'No drinking water runs in the flat.',
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S5-3-03',
    legalGround: 's5_3',
    title: { de: 'Keine benutzbare Toilette', en: 'No usable toilet' },
    description: {
      de: 'Die Wohnung hat keine Toilette, oder die vorhandene Toilette ist nicht benutzbar.',
      en: 'The flat has no toilet, or its toilet cannot be used.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-3-04',
    legalGround: 's5_3',
    title: { de: 'Keine Dusch- oder Bademöglichkeit', en: 'No shower or bath' },
    description: {
      de: 'Die Wohnung hat weder Dusche noch Badewanne, oder keine davon ist benutzbar.',
      en: 'The flat has neither a shower nor a bath, or neither can be used.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-3-05',
    legalGround: 's5_3',
    title: { de: 'Rückstau von Abwasser', en: 'Waste water backing up' },
    description: {
      de: 'Abwasser staut sich in Spüle, Dusche oder Toilette zurück oder tritt aus Leitungen aus.',
      en: 'Waste water backs up in the sink, shower or toilet, or escapes from pipes.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-3-06',
    legalGround: 's5_3',
    title: { de: 'Undichte Wasserleitung', en: 'Leaking water pipe' },
    description: {
      de: 'Aus einer Wasserleitung tritt Wasser aus und durchfeuchtet Wände, Decken oder Böden.',
      en: 'Water escapes from a water pipe and soaks walls, ceilings or floors.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-3-07',
    legalGround: 's5_3',
    title: { de: 'Tropfender Wasserhahn', en: 'Dripping tap' },
    description: {
      de: 'Ein Wasserhahn tropft auch im geschlossenen Zustand.',
      en: 'A tap drips even when it is turned off.',
    },
    severity: 'A',
    period: null,
  },

  // § 5 Abs. 1 Nr. 4: connections for cooker, lighting, appliances
  {
    code: 'S5-4-01',
    legalGround: 's5_4',
    title: { de: 'Kein Anschluss für eine Kochstelle', en: 'No connection for a cooker' },
    description: {
      de: 'In Küche oder Kochnische fehlt ein Strom- oder Gasanschluss für einen Herd.',
      en: 'The kitchen or kitchenette has no electricity or gas connection for a cooker.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-4-02',
    legalGround: 's5_4',
    title: { de: 'Keine benutzbare Steckdose', en: 'No usable socket' },
    description: {
      de: 'In einem Aufenthaltsraum gibt es keine benutzbare Steckdose.',
      en: 'A habitable room has no usable socket.',
    },
    severity: 'A',
    period: null,
  },
  {
    code: 'S5-4-03',
    legalGround: 's5_4',
    title: { de: 'Kein Anschluss für Beleuchtung', en: 'No connection for a light' },
    description: {
      de: 'In einem Raum fehlt ein Anschluss für Beleuchtung, oder er funktioniert nicht.',
      en: 'A room has no connection for a light, or it does not work.',
    },
    severity: 'A',
    period: null,
  },

  // § 5 Abs. 1 Nr. 5: protection against weather and damp
  {
    code: 'S5-5-01',
    legalGround: 's5_5',
    title: { de: 'Großflächiger Schimmelbefall', en: 'Mould over large areas' },
    description: {
      de: 'An Wänden, Decken oder Fensterlaibungen ist Schimmel auf einer Fläche von mehr als etwa 0,5 m² sichtbar.',
      en: 'Mould is visible on walls, ceilings or window reveals over more than about 0.5 m².',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-5-02',
    legalGround: 's5_5',
    title: { de: 'Geringer Schimmelbefall', en: 'Minor mould' },
    description: {
      de: 'Schimmel ist nur punktuell sichtbar, etwa an Silikonfugen oder in Fensterecken, auf höchstens etwa 0,5 m².',
      en: 'Mould is visible only in spots, such as on silicone joints or in window corners, over at most about 0.5 m².',
    },
    severity: 'A',
    period: null,
  },
  {
    code: 'S5-5-03',
    legalGround: 's5_5',
    title: { de: 'Fensterscheibe zerbrochen', en: 'Broken window' },
    description: {
      de: 'Eine Fensterscheibe ist zerbrochen, gesprungen oder fehlt.',
      en: 'A window pane is broken, cracked or missing.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-5-04',
    legalGround: 's5_5',
    title: { de: 'Durchfeuchtete Wände oder Decken', en: 'Damp walls or ceilings' },
    description: {
      de: 'Wände oder Decken sind durch eindringendes Wasser oder aufsteigende Feuchtigkeit sichtbar durchfeuchtet.',
      en: 'Walls or ceilings are visibly damp from water getting in or from rising damp.',
    },
    severity: 'B',
    period: null,
  },

  // § 5 Abs. 1 Nr. 6: at least one habitable room of 10 m²
  {
    code: 'S5-6-01',
    legalGround: 's5_6',
    title: {
      de: 'Kein Aufenthaltsraum mit mindestens 10 m²',
      en: 'No habitable room of at least 10 m²',
    },
    description: {
      de: 'Keiner der Aufenthaltsräume der Wohnung hat eine Grundfläche von mindestens 10 m².',
      en: "None of the flat's habitable rooms has a floor area of at least 10 m².",
    },
    severity: 'B',
    period: null,
  },

  // § 5 Abs. 1 Nr. 7: ventilation or daylight
  {
    code: 'S5-7-01',
    legalGround: 's5_7',
    title: {
      de: 'Kein Raum mit Tageslicht oder Belüftung',
      en: 'No room with daylight or ventilation',
    },
    description: {
      de: 'Kein Raum der Wohnung hat Tageslicht oder eine ausreichende Belüftung, etwa durch ein zu öffnendes Fenster.',
      en: 'No room in the flat has daylight or adequate ventilation, such as a window that opens.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-7-02',
    legalGround: 's5_7',
    title: {
      de: 'Lüftung im innenliegenden Bad oder WC defekt',
      en: 'Ventilation of an internal bathroom or WC broken',
    },
    description: {
      de: 'Die Lüftungsanlage eines fensterlosen Bades oder WCs funktioniert nicht.',
      en: 'The ventilation of a windowless bathroom or WC does not work.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-7-03',
    legalGround: 's5_7',
    title: { de: 'Fenster lässt sich nicht öffnen', en: 'Window cannot be opened' },
    description: {
      de: 'Ein Fenster eines Aufenthaltsraums klemmt und lässt sich nicht öffnen.',
      en: 'A window of a habitable room is stuck and cannot be opened.',
    },
    severity: 'A',
    period: null,
  },

  // § 5: balconies, lifts, stairs, door locks, lighting, entrances, courtyards
  {
    code: 'S5-O-01',
    legalGround: 's5_other',
    title: { de: 'Rettungsweg versperrt', en: 'Escape route blocked' },
    description: {
      de: 'Treppenraum, Flur oder Ausgang, der als Rettungsweg dient, ist durch Gegenstände oder verschlossene Türen versperrt.',
      en: 'A stairwell, corridor or exit that serves as an escape route is blocked by objects or locked doors.',
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S5-O-02',
    legalGround: 's5_other',
    title: { de: 'Türschloss defekt', en: 'Broken door lock' },
    description: {
      de: 'Das Schloss der Wohnungseingangs- oder Haustür ist defekt; die Tür lässt sich nicht abschließen.',
      en: "The lock of the flat's entrance door or the front door is broken; the door cannot be locked.",
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-O-03',
    legalGround: 's5_other',
    title: {
      de: 'Rauchwarnmelder fehlt oder funktioniert nicht',
      en: 'Smoke alarm missing or not working',
    },
    description: {
      de: 'In einem Schlafraum, Kinderzimmer oder Flur, über den Aufenthaltsräume erreicht werden, fehlt ein Rauchwarnmelder oder er funktioniert nicht.',
      en: "A bedroom, child's room or hallway leading to habitable rooms has no smoke alarm, or it does not work.",
    },
    severity: 'B',
    period: { unit: 'days', amount: 14 },
  },
  {
    code: 'S5-O-04',
    legalGround: 's5_other',
    title: { de: 'Absturzgefahr an Balkon oder Brüstung', en: 'Fall hazard at balcony or parapet' },
    description: {
      de: 'Ein Balkongeländer oder eine Brüstung fehlt, ist lose oder beschädigt, sodass Absturzgefahr besteht.',
      en: 'A balcony railing or parapet is missing, loose or damaged, so that people could fall.',
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S5-O-05',
    legalGround: 's5_other',
    title: { de: 'Aufzug außer Betrieb', en: 'Lift out of service' },
    description: {
      de: 'Der Aufzug des Gebäudes ist außer Betrieb oder stillgelegt.',
      en: "The building's lift is out of service or shut down.",
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-O-06',
    legalGround: 's5_other',
    title: { de: 'Treppe oder Handlauf schadhaft', en: 'Damaged stairs or handrail' },
    description: {
      de: 'Treppenstufen sind lose oder ausgebrochen, oder der Handlauf fehlt oder ist lose.',
      en: 'Steps are loose or broken, or the handrail is missing or loose.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S5-O-07',
    legalGround: 's5_other',
    title: { de: 'Treppenhausbeleuchtung ausgefallen', en: 'Stairwell lighting not working' },
    description: {
      de: 'Die Beleuchtung im Treppenhaus oder in den Fluren fehlt oder funktioniert nicht.',
      en: 'The lighting in the stairwell or the corridors is missing or does not work.',
    },
    severity: 'B',
    period: { unit: 'days', amount: 7 },
  },
  {
    code: 'S5-O-08',
    legalGround: 's5_other',
    title: {
      de: 'Klingel oder Briefkasten fehlt oder defekt',
      en: 'Doorbell or letterbox missing or broken',
    },
    description: {
      de: 'Für die Wohnung gibt es keine funktionierende Klingel oder keinen beschrifteten, verschließbaren Briefkasten.',
      en: 'The flat has no working doorbell or no labelled, lockable letterbox.',
    },
    severity: 'A',
    period: null,
  },
  {
    code: 'S5-O-09',
    legalGround: 's5_other',
    title: {
      de: 'Müllablagerungen im Hof oder an den Zugängen',
      en: 'Rubbish in the courtyard or at the entrances',
    },
    description: {
      de: 'Im Hof oder an den Hauszugängen lagern Abfälle oder Sperrmüll, die Ungeziefer anziehen oder Wege versperren.',
      en: 'Rubbish or bulky waste lies in the courtyard or at the entrances, attracting vermin or blocking paths.',
    },
    severity: 'B',
    period: null,
  },

  // § 6: need for repair
  {
    code: 'S6-01',
    legalGround: 's6',
    title: { de: 'Einsturzgefahr', en: 'Risk of collapse' },
    description: {
      de: 'Decken, Wände, Balkone oder Treppen zeigen Risse, Durchbiegungen oder Ausbrüche, die ein Versagen tragender Bauteile befürchten lassen.',
      en: 'Ceilings, walls, balconies or stairs show cracks, sagging or breakouts that suggest a load-bearing part may fail.',
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S6-02',
    legalGround: 's6',
    title: { de: 'Herabfallende Bauteile', en: 'Parts of the building about to fall' },
    description: {
      de: 'Putz-, Fassaden-, Dach- oder Balkonteile haben sich gelöst und drohen herabzufallen.',
      en: 'Pieces of plaster, facade, roof or balcony have come loose and may fall.',
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S6-03',
    legalGround: 's6',
    title: { de: 'Dach undicht', en: 'Leaking roof' },
    description: {
      de: 'Die Dacheindeckung ist schadhaft; bei Niederschlag dringt Wasser in das Gebäude ein.',
      en: 'The roof covering is damaged; water gets into the building when it rains.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S6-04',
    legalGround: 's6',
    title: { de: 'Außenwand schadhaft', en: 'Damaged external wall' },
    description: {
      de: 'Risse oder Putzschäden an der Außenwand lassen Feuchtigkeit in das Mauerwerk eindringen.',
      en: 'Cracks or damaged render on the external wall let moisture into the masonry.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S6-05',
    legalGround: 's6',
    title: { de: 'Fenster undicht', en: 'Leaky windows' },
    description: {
      de: 'Fensterrahmen sind morsch oder verzogen; die Fenster schließen nicht dicht.',
      en: 'Window frames are rotten or warped; the windows do not close tightly.',
    },
    severity: 'A',
    period: null,
  },
  {
    code: 'S6-06',
    legalGround: 's6',
    title: { de: 'Fußboden schadhaft', en: 'Damaged floor' },
    description: {
      de: 'Dielen oder Estrich sind lose, durchgebrochen oder morsch; es besteht Stolper- oder Einbruchgefahr.',
      en: 'Floorboards or screed are loose, broken through or rotten; people could trip or fall through.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S6-07',
    legalGround: 's6',
    title: { de: 'Bodenbelag abgenutzt', en: 'Worn floor covering' },
    description: {
      de: 'Der Bodenbelag ist abgenutzt oder verschlissen, ohne dass Stolpergefahr besteht.',
      en: 'The floor covering is worn, without a tripping hazard.',
    },
    severity: 'A',
    period: null,
  },
  {
    code: 'S6-08',
    legalGround: 's6',
    title: { de: 'Abblätternder Anstrich', en: 'Peeling paint' },
    description: {
      de: 'Anstrich oder Tapete löst sich von Wänden oder Decken ab.',
      en: 'Paint or wallpaper is peeling off walls or ceilings.',
    },
    severity: 'A',
    period: null,
  },
  {
    code: 'S6-09',
    legalGround: 's6',
    title: { de: 'Haus- oder Wohnungstür undicht', en: 'Entrance door not closing tightly' },
    description: {
      de: 'Die Haus- oder Wohnungseingangstür ist verzogen oder beschädigt und schließt nicht dicht.',
      en: "The building's front door or the flat's entrance door is warped or damaged and does not close tightly.",
    },
    severity: 'A',
    period: null,
  },

  // § 9: uninhabitability
  {
    code: 'S9-01',
    legalGround: 's9',
    title: {
      de: 'Unbewohnbar wegen Gefahr für die Gesundheit',
      en: 'Uninhabitable: health at risk',
    },
    description: {
      de: 'Mängel nach § 5 oder § 6 WohnStG beeinträchtigen die Benutzbarkeit der Wohnung erheblich und lassen gesundheitliche Schäden der Bewohner befürchten.',
      en: "Defects under § 5 or § 6 WohnStG substantially impair the use of the flat, and harm to the occupants' health is feared.",
    },
    severity: 'C',
    period: null,
  },
  {
    code: 'S9-02',
    legalGround: 's9',
    title: {
      de: 'Leerstehende Wohnung in unbewohnbarem Zustand',
      en: 'Vacant flat in uninhabitable condition',
    },
    description: {
      de: 'Die leerstehende Wohnung ist wegen erheblicher Mängel nach § 5 oder § 6 WohnStG nicht zu Wohnzwecken benutzbar.',
      en: 'The vacant flat cannot be used for living because of substantial defects under § 5 or § 6 WohnStG.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S9-03',
    legalGround: 's9',
    title: {
      de: 'Für unbewohnbar erklärte Wohnung wieder bewohnt',
      en: 'Flat declared uninhabitable lived in again',
    },
    description: {
      de: 'Die für unbewohnbar erklärte Wohnung wird entgegen dem Verbot wieder zu Wohnzwecken überlassen oder genutzt.',
      en: 'The flat declared uninhabitable is let or lived in again despite the ban.',
    },
    severity: 'B',
    period: null,
  },

  // § 10: occupancy
  {
    code: 'S10-01',
    legalGround: 's10',
    title: { de: 'Überbelegung einer Wohnung', en: 'Overcrowded flat' },
    description: {
      de: 'Den angetroffenen Bewohnern stehen weniger als 10 m² Wohnfläche je Person zur Verfügung.',
      en: 'The occupants found have less than 10 m² of living space per person.',
    },
    severity: 'B',
    period: null,
  },
  {
    code: 'S10-02',
    legalGround: 's10',
    title: { de: 'Überbelegung eines Einzelzimmers', en: 'Overcrowded single room' },
    description: {
      de: 'Ein Einzelzimmer unterschreitet die Mindestfläche je Person (8 m² bei Nebenräumen zur Mitbenutzung, sonst 10 m²).',
      en: 'A single room falls short of the minimum area per person (8 m² with shared ancillary rooms, otherwise 10 m²).',
    },
    severity: 'B',
    period: null,
  },
];
