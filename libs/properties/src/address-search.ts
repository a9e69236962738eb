/**
 * The text an address is found by. Lower-case, German street suffixes folded to one spelling
 * ("Bahnhofstraße", "Bahnhofstrasse", "Bahnhofstr." → "bahnhofstr"), so a search for any
 * spelling meets the trigram index on the same form. Browser-safe: no imports.
 */
export function normalizeSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/stra(ß|ss)e\b/g, 'str')
    .replace(/str\./g, 'str')
    .replace(/pl\.(?=\s|$)/g, 'platz')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchableAddress {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  district?: string | null;
}

export function searchTextOf(address: SearchableAddress): string {
  return normalizeSearch(
    [address.street, address.houseNumber, address.postcode, address.city, address.district ?? '']
      .filter(Boolean)
      .join(' '),
  );
}

/** A house number as addresses are matched by: "12 a", "12a" and "12-A" are one number. */
export function compactHouseNumber(houseNumber: string): string {
  return normalizeSearch(houseNumber).replace(/ /g, '');
}

/**
 * The distinct properties, in the order given, of the addresses that name exactly this street
 * (after normalization: "Bahnhofstraße" = "Bahnhofstr.") and house number (up to case, blanks
 * and dashes). A street that only starts with the wanted one ("… Nord") does not count.
 */
export function propertiesAtAddress(
  rows: ReadonlyArray<{ propertyId: string; street: string; houseNumber: string }>,
  wanted: { street: string; houseNumber: string },
): string[] {
  const street = normalizeSearch(wanted.street);
  const houseNumber = compactHouseNumber(wanted.houseNumber);
  if (street === '' || houseNumber === '') return [];
  const found = new Set<string>();
  for (const row of rows) {
    if (
      normalizeSearch(row.street) === street &&
      compactHouseNumber(row.houseNumber) === houseNumber
    ) {
      found.add(row.propertyId);
    }
  }
  return [...found];
}
