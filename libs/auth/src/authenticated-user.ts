import type { Role } from './roles';

/** The signed-in user as guards and controllers see it. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  sessionId: string;
}
