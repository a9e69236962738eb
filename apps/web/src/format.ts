import type { Address, PostalAddress } from './api';

/** "Bahnhofstraße 12a" */
export const streetLine = (address: Pick<Address, 'street' | 'houseNumber'>): string =>
  `${address.street} ${address.houseNumber}`.trim();

/** "44623 Herne" */
export const placeLine = (address: Pick<Address, 'postcode' | 'city'>): string =>
  `${address.postcode} ${address.city}`.trim();

/** "Bahnhofstraße 12a, 44623 Herne" */
export const addressLine = (
  address: Pick<Address, 'street' | 'houseNumber' | 'postcode' | 'city'>,
) => `${streetLine(address)}, ${placeLine(address)}`;

export function postalLines(address: PostalAddress): string[] {
  const lines = [streetLine(address), placeLine(address)];
  if (address.country && address.country !== 'DE') lines.push(address.country);
  return lines;
}

/** A legal date `YYYY-MM-DD`, shown as the calendar day it names (no time zone shift). */
export function formatDate(value: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(language, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatNumber(value: number, language: string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(value);
}

/** Latitude and longitude with 5 decimals (about a metre). */
export function formatCoordinate(value: number, language: string): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: 5,
    maximumFractionDigits: 5,
  }).format(value);
}

/** "Bahnhofstraße 12, 44623 Herne" → street line and place line. */
export function splitAddress(address: string): [string, string] {
  const comma = address.indexOf(',');
  if (comma < 0) return [address, ''];
  return [address.slice(0, comma).trim(), address.slice(comma + 1).trim()];
}
