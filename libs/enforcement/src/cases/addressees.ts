import { ConflictProblem } from '@hausakte/platform';
import type { Addressee } from './addressee';
import type { CaseRepository } from './case.repository';

/**
 * The landlords a letter about the property goes to on `day` (owners, joint owners, managers in
 * charge that day), each with a postal address; a conflict if there is none or one cannot be
 * written to, since the letter could not go out.
 */
export async function addresseesFor(
  cases: CaseRepository,
  propertyId: string,
  day: string,
): Promise<Addressee[]> {
  const addressees = await cases.addresseesOf(propertyId, day);
  if (addressees.length === 0) {
    throw new ConflictProblem(
      'No landlord is in charge of the property today (owner, joint owner or manager): ' +
        'record the ownership first.',
    );
  }
  const withoutAddress = addressees.filter((a) => a.postalAddress === null);
  if (withoutAddress.length > 0) {
    throw new ConflictProblem(
      `No postal address is recorded for ${withoutAddress.map((a) => a.name).join(', ')}.`,
      { landlordIds: withoutAddress.map((a) => a.landlordId) },
    );
  }
  return addressees;
}
