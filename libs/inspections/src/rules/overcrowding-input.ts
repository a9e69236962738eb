/**
 * What an inspector records for one unit to check its occupancy (§ 10 WohnStG), and its
 * validation. User input is never answered with an exception: the validator returns field
 * errors shaped like the API's `{ field, message }` (plus a code and a German message).
 * Browser-safe: no imports.
 */

export type UnitKind = 'flat' | 'single_room';

export interface OvercrowdingInput {
  /** The day the occupants were counted, `YYYY-MM-DD`. It picks the rule set. */
  inspectionDate: string;
  /** Occupants aged six or over found at the inspection: adults and older children alike. */
  adultsFound: number;
  /** Occupants under six found at the inspection. */
  childrenUnderSixFound: number;
  /** Persons registered at the address (Melderegister). Shown, never counted. */
  personsRegistered: number;
  /** Living area (Wohnfläche) in m²: of the flat, or for a single room of that room. */
  livingAreaM2: number;
  kind: UnitKind;
  /** Single rooms: kitchen, bath or WC are available for shared use. Ignored for flats. */
  sharedAncillaryRooms: boolean;
  /** Worker housing (Unterkunft für Beschäftigte). */
  isWorkerHousing: boolean;
}

export type OvercrowdingInputErrorCode =
  | 'invalid_date'
  | 'not_a_non_negative_integer'
  | 'not_a_positive_number'
  | 'invalid_kind'
  | 'not_a_boolean';

export interface OvercrowdingFieldError {
  field: keyof OvercrowdingInput;
  code: OvercrowdingInputErrorCode;
  /** English, like the API's field errors. */
  message: string;
  messageDe: string;
}

const MESSAGES: Record<OvercrowdingInputErrorCode, { message: string; messageDe: string }> = {
  invalid_date: {
    message: 'must be a calendar date as YYYY-MM-DD',
    messageDe: 'muss ein Kalenderdatum im Format JJJJ-MM-TT sein',
  },
  not_a_non_negative_integer: {
    message: 'must be a whole number, 0 or more',
    messageDe: 'muss eine ganze Zahl ab 0 sein',
  },
  not_a_positive_number: {
    message: 'must be an area in m² greater than 0',
    messageDe: 'muss eine Fläche in m² größer als 0 sein',
  },
  invalid_kind: {
    message: 'must be flat or single_room',
    messageDe: 'muss „flat“ (Wohnung) oder „single_room“ (Einzelzimmer) sein',
  },
  not_a_boolean: {
    message: 'must be true or false',
    messageDe: 'muss true (ja) oder false (nein) sein',
  },
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD` (no Date object, so no time zone can shift it). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= daysInMonth;
}

const isCount = (value: unknown): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const isPositiveArea = (value: unknown): boolean =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

/**
 * The field errors of `input`, in the order of the fields; empty when it is valid.
 * Checks runtime types too: the input may come from a form or JSON, not only from typed code.
 */
export function validateOvercrowdingInput(input: OvercrowdingInput): OvercrowdingFieldError[] {
  const errors: OvercrowdingFieldError[] = [];
  const fail = (field: keyof OvercrowdingInput, code: OvercrowdingInputErrorCode) =>
    errors.push({ field, code, ...MESSAGES[code] });

  if (!isIsoDate(input.inspectionDate)) fail('inspectionDate', 'invalid_date');
  if (!isCount(input.adultsFound)) fail('adultsFound', 'not_a_non_negative_integer');
  if (!isCount(input.childrenUnderSixFound))
    fail('childrenUnderSixFound', 'not_a_non_negative_integer');
  if (!isCount(input.personsRegistered)) fail('personsRegistered', 'not_a_non_negative_integer');
  if (!isPositiveArea(input.livingAreaM2)) fail('livingAreaM2', 'not_a_positive_number');
  if (input.kind !== 'flat' && input.kind !== 'single_room') fail('kind', 'invalid_kind');
  if (typeof input.sharedAncillaryRooms !== 'boolean')
    fail('sharedAncillaryRooms', 'not_a_boolean');
  if (typeof input.isWorkerHousing !== 'boolean') fail('isWorkerHousing', 'not_a_boolean');
  return errors;
}
