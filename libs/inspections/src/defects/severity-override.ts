import type { FieldError } from '@hausakte/platform';

/**
 * A finding takes its catalogue entry's severity unless the inspector overrides it, which needs a
 * reason (the officer's period and procedure follow from the severity). The reason is kept only
 * for an override; without one it is dropped, so that it cannot contradict the catalogue.
 */
export function resolveSeverity(
  input: { severity?: 'A' | 'B' | 'C'; severityReason?: string | null },
  catalogueSeverity: 'A' | 'B' | 'C',
  field: string,
): { severity: 'A' | 'B' | 'C'; severityReason: string | null } | FieldError {
  const severity = input.severity ?? catalogueSeverity;
  if (severity === catalogueSeverity) return { severity, severityReason: null };
  const reason = input.severityReason?.trim() ?? '';
  if (reason === '') {
    return {
      field: `${field}severityReason`,
      message: `a severity other than the catalogue's (${catalogueSeverity}) needs a reason`,
    };
  }
  return { severity, severityReason: reason };
}

export function isFieldError(value: object): value is FieldError {
  return 'field' in value && 'message' in value;
}
