import type { DefectStatus } from './defect.entity';

/**
 * The defect's physical truth (DOMAIN.md, Lifecycles): `open → reported_done → verified`, or
 * `→ not_remedied → reported_done …` again. `verified` ends it. Re-inspections move a defect by
 * their checks (remedied → verified, not remedied → not_remedied) from any state but verified;
 * a person editing a defect follows the arrows below.
 */
const EDIT_TRANSITIONS: Record<DefectStatus, readonly DefectStatus[]> = {
  open: ['reported_done', 'not_remedied', 'verified'],
  reported_done: ['verified', 'not_remedied'],
  not_remedied: ['reported_done', 'verified'],
  verified: [],
};

export function canChangeDefectStatus(from: DefectStatus, to: DefectStatus): boolean {
  return EDIT_TRANSITIONS[from].includes(to);
}

/** Whether a re-inspection can still check the defect off. */
export function isOpenDefect(status: DefectStatus): boolean {
  return status !== 'verified';
}

export function statusAfterCheck(result: 'remedied' | 'not_remedied'): DefectStatus {
  return result === 'remedied' ? 'verified' : 'not_remedied';
}
