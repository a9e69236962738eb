import type { TFunction } from 'i18next';
import { roles, type Role } from '../api';

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The translated name of a role; an unknown role (a newer api) is shown as it is. */
export function roleLabel(t: TFunction, role: string): string {
  return isRole(role) ? t(`roles.${role}`) : role;
}
