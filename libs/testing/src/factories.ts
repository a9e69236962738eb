import { randomUUID } from 'node:crypto';
import type { Role } from '@hausakte/auth';

export interface UserInput {
  role: Role;
  email?: string;
  displayName?: string;
  password?: string;
}

const NAMES: Record<Role, string> = {
  inspector: 'Ines Prüfer',
  officer: 'Olaf Sachbearbeiter',
  manager: 'Maren Leitung',
  admin: 'Adam Admin',
};

/** A valid new user with unique e-mail; override what the test cares about. */
export function makeUser(input: UserInput): Required<UserInput> {
  const tag = randomUUID().slice(0, 8);
  return {
    role: input.role,
    email: input.email ?? `${input.role}-${tag}@herne.example`,
    displayName: input.displayName ?? `${NAMES[input.role]} ${tag}`,
    password: input.password ?? `Passwort-${tag}-lang`,
  };
}
