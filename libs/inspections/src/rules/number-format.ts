/**
 * Numbers and dates for the explanation texts: German style ("1.234,5 m²", "30.04.2014")
 * and English style ("1,234.5 m²", "2014-04-30"). Browser-safe: no imports.
 *
 * Figures are cut, never rounded up, to the decimals shown: a flat with 69,96 m² for 7
 * persons shows 69,96 m² and 9,9 m² per person, never a "10,0" that would contradict the
 * verdict. The tiny nudge (1e-9) stops binary fractions such as 0.29 × 100 = 28.999… from
 * losing a hundredth.
 */

const NUDGE = 1e-9;

export type Language = 'de' | 'en';

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** `value` cut to `maxDecimals`, written with at least `minDecimals`. */
export function formatNumber(
  value: number,
  language: Language,
  minDecimals: number,
  maxDecimals: number,
): string {
  const factor = 10 ** maxDecimals;
  const cut = Math.floor(value * factor + NUDGE) / factor;
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: minDecimals,
    maximumFractionDigits: maxDecimals,
  }).format(cut);
}

/** `2014-04-30` → `30.04.2014` (de) or unchanged (en). */
export function formatIsoDate(date: string, language: Language): string {
  if (language === 'en') return date;
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}
