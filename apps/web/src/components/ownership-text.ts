import type { TFunction } from 'i18next';
import { landlordKinds, ownershipRoles, type Ownership, type OwnershipRole } from '../api';
import { formatDate } from '../format';

const isOwnershipRole = (value: string): value is OwnershipRole =>
  (ownershipRoles as readonly string[]).includes(value);

/** Eigentümer(in), Miteigentümer(in), Hausverwaltung, Hauptmieter(in); an unknown role as is. */
export function ownershipRoleLabel(t: TFunction, role: string): string {
  return isOwnershipRole(role) ? t(`ownershipRoles.${role}`) : role;
}

export function landlordKindLabel(t: TFunction, kind: string): string {
  const known = landlordKinds.find((value) => value === kind);
  return known ? t(`landlordKinds.${known}`) : kind;
}

/** "seit 01.04.2019" or "01.04.2019 – 31.12.2024". */
export function periodText(
  t: TFunction,
  ownership: Pick<Ownership, 'validFrom' | 'validTo'>,
  language: string,
): string {
  const from = formatDate(ownership.validFrom, language);
  return ownership.validTo
    ? t('property.ownerships.range', { from, to: formatDate(ownership.validTo, language) })
    : t('property.ownerships.since', { from });
}
