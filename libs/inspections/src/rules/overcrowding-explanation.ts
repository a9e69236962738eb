/**
 * The short sentences that explain an overcrowding result, in German and English.
 * German first: the legal terms stay German in both. Browser-safe: imports siblings only.
 */
import { formatIsoDate, formatNumber, type Language } from './number-format';
import type { Bilingual, OccupancyStandard, OvercrowdingRuleSet } from './overcrowding-rule-sets';

export interface EvaluatedFacts {
  standard: OccupancyStandard;
  actualAreaM2: number;
  personsCounted: number;
  childrenUnderSixCounted: number;
  requiredAreaM2: number;
  maxOccupants: number;
  childrenUnderSixInMax: number;
  overcrowded: boolean;
  occupantsOverLimit: number;
}

const area = (value: number, language: Language) => formatNumber(value, language, 1, 2);
const rate = (value: number, language: Language) => formatNumber(value, language, 0, 2);
const perPerson = (facts: EvaluatedFacts, language: Language) =>
  formatNumber(facts.actualAreaM2 / facts.personsCounted, language, 1, 1);

/** Children are named apart only where the rule gives them their own rate (WAG NRW). */
const childrenApart = (facts: EvaluatedFacts) =>
  facts.standard.minAreaPerChildUnderSixM2 !== null && facts.childrenUnderSixCounted > 0;

const personsDe = (count: number) => (count === 1 ? '1 Person' : `${count} Personen`);
const childrenDe = (count: number) =>
  count === 1 ? '1 Kind unter 6 Jahren' : `${count} Kinder unter 6 Jahren`;

function explainDe(facts: EvaluatedFacts): string {
  const { standard } = facts;
  const childRate = standard.minAreaPerChildUnderSixM2;
  const found =
    facts.personsCounted === 0
      ? `${area(facts.actualAreaM2, 'de')} m², niemand angetroffen`
      : `${area(facts.actualAreaM2, 'de')} m² für ${personsDe(facts.personsCounted)}` +
        (childrenApart(facts) ? `, davon ${childrenDe(facts.childrenUnderSixCounted)}` : '') +
        `: ${perPerson(facts, 'de')} m² je Person`;
  const required =
    `${rate(standard.minAreaPerPersonM2, 'de')} m² je Person` +
    (childRate === null ? '' : ` und ${rate(childRate, 'de')} m² je Kind unter 6 Jahren`) +
    (standard.scope ? ` ${standard.scope.de}` : '') +
    (facts.personsCounted === 0 ? '' : `, zusammen ${rate(facts.requiredAreaM2, 'de')} m²`);
  const inMax = facts.childrenUnderSixInMax;
  const max =
    `höchstens ${personsDe(facts.maxOccupants)}` +
    (inMax === 0
      ? ''
      : inMax === 1
        ? ', wenn 1 davon ein Kind unter 6 Jahren ist'
        : `, wenn ${inMax} davon Kinder unter 6 Jahren sind`);
  const verdict = facts.overcrowded
    ? `Überbelegt: ${personsDe(facts.occupantsOverLimit)} zu viel.`
    : 'Nicht überbelegt.';
  return `${found}; ${standard.legalBasis.de} verlangt ${required} (${max}). ${verdict}`;
}

const personsEn = (count: number) => (count === 1 ? '1 person' : `${count} persons`);

function explainEn(facts: EvaluatedFacts): string {
  const { standard } = facts;
  const childRate = standard.minAreaPerChildUnderSixM2;
  const children = facts.childrenUnderSixCounted;
  const found =
    facts.personsCounted === 0
      ? `${area(facts.actualAreaM2, 'en')} m², nobody found`
      : `${area(facts.actualAreaM2, 'en')} m² for ${personsEn(facts.personsCounted)}` +
        (childrenApart(facts)
          ? `, ${children} of them ${children === 1 ? 'a child' : 'children'} under 6`
          : '') +
        `: ${perPerson(facts, 'en')} m² per person`;
  const required =
    `${rate(standard.minAreaPerPersonM2, 'en')} m² per person` +
    (childRate === null ? '' : ` and ${rate(childRate, 'en')} m² per child under 6`) +
    (standard.scope ? ` ${standard.scope.en}` : '') +
    (facts.personsCounted === 0 ? '' : `, ${rate(facts.requiredAreaM2, 'en')} m² in all`);
  const inMax = facts.childrenUnderSixInMax;
  const max =
    `at most ${personsEn(facts.maxOccupants)}` +
    (inMax === 0
      ? ''
      : inMax === 1
        ? ' if 1 of them is a child under 6'
        : ` if ${inMax} of them are children under 6`);
  const verdict = facts.overcrowded
    ? `Overcrowded: ${personsEn(facts.occupantsOverLimit)} too many.`
    : 'Not overcrowded.';
  return `${found}; ${standard.legalBasis.en} requires ${required} (${max}). ${verdict}`;
}

/** "54,0 m² für 7 Personen: 7,7 m² je Person; § 10 Abs. 1 Satz 1 WohnStG verlangt …" */
export function explainEvaluated(facts: EvaluatedFacts): Bilingual {
  return { de: explainDe(facts), en: explainEn(facts) };
}

/** No rule set on `date`; `next` is the next one to come into force, if any. */
export function explainNoRule(date: string, next: OvercrowdingRuleSet | null): Bilingual {
  const dateDe = formatIsoDate(date, 'de');
  if (next === null) {
    return {
      de: `Für den ${dateDe} gilt keine Belegungsregel.`,
      en: `No occupancy rule applies on ${date}.`,
    };
  }
  return {
    de: `Für den ${dateDe} gilt keine Belegungsregel: das ${next.shortName} gilt erst ab dem ${formatIsoDate(next.validFrom, 'de')}.`,
    en: `No occupancy rule applies on ${date}: ${next.shortName} applies only from ${next.validFrom}.`,
  };
}
