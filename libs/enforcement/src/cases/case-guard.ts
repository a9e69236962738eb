import { ConflictProblem, NotFoundProblem } from '@hausakte/platform';
import type { CaseRepository } from './case.repository';
import type { EnforcementCase } from './case.entity';

/**
 * Locks the case for the command and refuses a closed one: a closed case is read-only until it is
 * reopened with a reason. Every command on a case, its hearings and orders goes through here.
 */
export async function lockOpenCase(cases: CaseRepository, id: string): Promise<EnforcementCase> {
  const found = await cases.findByIdForUpdate(id);
  if (!found) throw new NotFoundProblem('Case');
  if (found.status === 'closed') {
    throw new ConflictProblem(
      `Case ${found.reference} is closed: reopen it (with a reason) before changing it.`,
      { caseStatus: found.status },
    );
  }
  return found;
}
