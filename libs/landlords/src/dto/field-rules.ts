import { ValidateBy, ValidationArguments } from 'class-validator';
import { isCalendarDate } from '@hausakte/platform';

export { trim } from '@hausakte/platform';

/** Trims strings and turns a blank one into null: a cleared form field clears the value. */
export const trimToNull = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** Trims every string of a list. */
export const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
    : value;

export const NOT_EMPTY = { message: 'must not be empty' };

/** A legal date: `YYYY-MM-DD` and a day that exists (no 2023-02-29). */
export function IsLegalDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isLegalDate',
    validator: {
      validate: (value: unknown) => isCalendarDate(value),
      defaultMessage: () => 'must be a date as YYYY-MM-DD',
    },
  });
}

/** The date is the same as or after the object's `other` date (when that one is valid). */
export function IsNotBefore(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBefore',
    constraints: [other],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const start = (args?.object as Record<string, unknown> | undefined)?.[other];
        if (!isCalendarDate(value) || !isCalendarDate(start)) return true;
        return value >= start;
      },
      defaultMessage: () => `must not be before ${other}`,
    },
  });
}

const PHONE = /^\+?[\d ()/.-]{3,40}$/;

/** Digits with the usual separators: "+49 2323 16-0", "(02323) 123456". */
export function IsPhoneNumber(): PropertyDecorator {
  return ValidateBy({
    name: 'isPhoneNumber',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && PHONE.test(value) && (value.match(/\d/g) ?? []).length >= 3,
      defaultMessage: () => 'must be a phone number (digits, spaces and + ( ) / . -)',
    },
  });
}

/** Five digits in Germany (the default country); elsewhere letters, digits, spaces, hyphens. */
export function IsPostcodeOfCountry(): PropertyDecorator {
  return ValidateBy({
    name: 'isPostcodeOfCountry',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        if (typeof value !== 'string') return false;
        const country = (args?.object as { country?: unknown } | undefined)?.country ?? 'DE';
        return country === 'DE'
          ? /^\d{5}$/.test(value)
          : /^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/.test(value);
      },
      defaultMessage: (args?: ValidationArguments) =>
        ((args?.object as { country?: unknown } | undefined)?.country ?? 'DE') === 'DE'
          ? 'must be five digits'
          : 'must be a postcode (letters, digits, spaces, hyphens)',
    },
  });
}
