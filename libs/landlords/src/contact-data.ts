import type { LandlordKind } from './landlord.entity';

export const CONTACT_FIELDS = ['email', 'phone', 'postalAddress'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/**
 * The contact fields a reader is shown whose reading must be logged (DOMAIN.md, data protection):
 * those of a person that hold a value. A company's contact data is not personal data.
 */
export function personalContactFieldsShown(landlord: {
  kind: LandlordKind;
  email: string | null;
  phone: string | null;
  postalAddress: unknown;
}): ContactField[] {
  if (landlord.kind !== 'person') return [];
  return CONTACT_FIELDS.filter(
    (field) => landlord[field] !== null && landlord[field] !== undefined,
  );
}

/**
 * The record without a person's contact data, for answers that are not a logged read (a 412's
 * `current`): the client reads it again through GET, which is logged.
 */
export function withoutPersonalContactData<
  T extends {
    kind: LandlordKind;
    email: string | null;
    phone: string | null;
    postalAddress: unknown;
  },
>(landlord: T): T {
  if (personalContactFieldsShown(landlord).length === 0) return landlord;
  return { ...landlord, email: null, phone: null, postalAddress: null };
}
