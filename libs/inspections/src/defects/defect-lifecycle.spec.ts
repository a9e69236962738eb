import { canChangeDefectStatus, isOpenDefect, statusAfterCheck } from './defect-lifecycle';
import { DEFECT_STATUSES } from './defect.entity';

describe('the defect lifecycle', () => {
  it.each([
    ['open', 'reported_done'],
    ['not_remedied', 'reported_done'],
  ] as const)('lets a person record the landlord’s report: %s → %s', (from, to) => {
    expect(canChangeDefectStatus(from, to)).toBe(true);
  });

  it.each([
    ['open', 'verified'],
    ['open', 'not_remedied'],
    ['reported_done', 'verified'],
    ['reported_done', 'not_remedied'],
    ['reported_done', 'open'],
    ['not_remedied', 'verified'],
    ['not_remedied', 'open'],
  ] as const)('leaves %s → %s to an inspection’s checks', (from, to) => {
    expect(canChangeDefectStatus(from, to)).toBe(false);
  });

  it('ends with verified: nothing leaves it', () => {
    for (const to of DEFECT_STATUSES) expect(canChangeDefectStatus('verified', to)).toBe(false);
    expect(isOpenDefect('verified')).toBe(false);
  });

  it('never "changes" a status to itself', () => {
    for (const status of DEFECT_STATUSES) expect(canChangeDefectStatus(status, status)).toBe(false);
  });

  it('maps a re-inspection check to the status it proves', () => {
    expect(statusAfterCheck('remedied')).toBe('verified');
    expect(statusAfterCheck('not_remedied')).toBe('not_remedied');
  });
});
