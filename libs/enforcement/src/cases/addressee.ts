import type { OwnershipRole } from '@hausakte/landlords';

/**
 * Who a hearing or an order is addressed to, as it stood on the day it was sent: a landlord in
 * charge of the property then (owner, joint owner or manager), with name and postal address.
 * Frozen into the letter's record, so a later change of address does not rewrite what was sent.
 */
export interface Addressee {
  landlordId: string;
  role: OwnershipRole;
  kind: 'person' | 'company';
  name: string;
  directors: string[];
  postalAddress: {
    street: string;
    houseNumber: string;
    postcode: string;
    city: string;
    country: string;
  } | null;
}
