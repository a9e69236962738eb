import { ValidateIf } from 'class-validator';

/**
 * For fields of an update that may be left out but not cleared: validates unless the field is
 * absent. (`@IsOptional()` also lets `null` through, which would reach a NOT NULL column.)
 */
export function OmittableNotNull(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}
