import type { AuthenticatedUser } from '@hausakte/auth';

/**
 * What the worker plans (re-inspections after a deadline or a re-letting check) is planned on
 * behalf of the case's officer: the inspection names them as its planner, the audit row names no
 * actor (the system).
 */
export function onBehalfOf(officerId: string): AuthenticatedUser {
  return { id: officerId, email: '', displayName: '', role: 'officer', sessionId: '' };
}
