import type { DefectStatus } from './defect.entity';

/**
 * The defect's physical truth (DOMAIN.md, Lifecycles): `open → reported_done → verified`, or
 * `→ not_remedied → reported_done …` again. `verified` ends it.
 *
 * Only an inspection finds a defect verified or not remedied: its checks move a defect from any
 * state but verified (remedied → verified, not remedied → not_remedied), with a check row and
 * the `defect-not-remedied` event. What a person may change by hand is the landlord's report
 * that the work is done.
 */
const EDIT_TRANSITIONS: Record<DefectStatus, readonly DefectStatus[]> = {
  open: ['reported_done'],
  reported_done: [],
  not_remedied: ['reported_done'],
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
