// Ids made in the browser: idempotency keys and the client-side ids of findings and photos.

/** A random UUID (v4); outside a secure context `crypto.randomUUID` is missing. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `addresses[0].street` → `addresses.0.street`: one spelling for matching fields. */
export const normalizePath = (field: string): string => field.replace(/\[(\d+)\]/g, '.$1');
