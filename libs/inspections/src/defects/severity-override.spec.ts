import { isFieldError, resolveSeverity } from './severity-override';

describe('a severity override', () => {
  it('takes the catalogue severity when none is given, and drops a stray reason', () => {
    expect(resolveSeverity({ severityReason: 'egal' }, 'B', '')).toEqual({
      severity: 'B',
      severityReason: null,
    });
  });

  it('accepts the catalogue severity written out, without a reason', () => {
    expect(resolveSeverity({ severity: 'C' }, 'C', '')).toEqual({
      severity: 'C',
      severityReason: null,
    });
  });

  it.each([undefined, null, '', '   '])('refuses an override with reason %p', (reason) => {
    const result = resolveSeverity({ severity: 'C', severityReason: reason }, 'B', 'findings.2.');
    expect(isFieldError(result)).toBe(true);
    expect(result).toEqual({
      field: 'findings.2.severityReason',
      message: "a severity other than the catalogue's (B) needs a reason",
    });
  });

  it.each([
    ['A', 'C'],
    ['C', 'A'],
  ] as const)('keeps an override %s of a %s entry with its reason', (severity, catalogue) => {
    expect(
      resolveSeverity({ severity, severityReason: ' Kinder im Haushalt ' }, catalogue, ''),
    ).toEqual({ severity, severityReason: 'Kinder im Haushalt' });
  });
});
