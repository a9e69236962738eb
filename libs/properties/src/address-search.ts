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
