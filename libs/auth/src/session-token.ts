import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'hausakte_session';

/** 256 random bits, URL-safe. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A stable pseudonym for throttling keys: the store never sees an address or an IP. */
export function throttleKey(kind: 'account' | 'client', value: string): string {
  return createHash('sha256').update(`${kind}:${value.toLowerCase()}`).digest('hex');
}
