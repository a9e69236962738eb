/**
 * What a closure's recorded details must satisfy together (§ 9 Abs. 4 and 5 WohnStG). Pure: the
 * service applies the changes to the stored state, asks here, and answers 422 with these fields.
 */

export interface ClosureDetails {
  immediateDanger: boolean;
  moveOutBy: string | null;
  replacementHousingOfferedOn: string | null;
  replacementHousingBy: string | null;
  occupantsNotifiedOn: string | null;
  householdsNotified: number | null;
}

export interface DetailError {
  field: string;
  message: string;
}

export function closureDetailErrors(details: ClosureDetails, today: string): DetailError[] {
  const errors: DetailError[] = [];
  if (
    details.moveOutBy !== null &&
    !details.immediateDanger &&
    details.replacementHousingOfferedOn === null
  ) {
    errors.push({
      field: 'moveOutBy',
      message:
        'without immediate danger the move-out date waits for reasonable replacement housing ' +
        '(§ 9 Abs. 4 WohnStG): record replacementHousingOfferedOn first',
    });
  }
  if ((details.replacementHousingOfferedOn === null) !== (details.replacementHousingBy === null)) {
    errors.push(
      details.replacementHousingBy === null
        ? {
            field: 'replacementHousingBy',
            message: 'say who offered the replacement housing: landlord (§ 9 Abs. 5) or city',
          }
        : { field: 'replacementHousingOfferedOn', message: 'say when it was offered' },
    );
  }
  if ((details.occupantsNotifiedOn === null) !== (details.householdsNotified === null)) {
    errors.push(
      details.householdsNotified === null
        ? { field: 'householdsNotified', message: 'count the households notified' }
        : { field: 'occupantsNotifiedOn', message: 'say when the occupants were notified' },
    );
  }
  for (const field of ['replacementHousingOfferedOn', 'occupantsNotifiedOn'] as const) {
    const day = details[field];
    if (day !== null && day > today) errors.push({ field, message: 'must not be in the future' });
  }
  return errors;
}
