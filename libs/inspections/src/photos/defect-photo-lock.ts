import type { EntityManager } from 'typeorm';

/**
 * The advisory-lock key of a defect's photos: `hashtextextended(<defect id>::text, 4242)`.
 * The seed keeps these keys apart from other advisory locks taken on the same ids.
 * Both sides below must build the key exactly like this.
 */
export const DEFECT_PHOTO_LOCK_KEY = (defectId: string) =>
  `hashtextextended(${defectId}::text, 4242)`;

/**
 * Holds the photos of these defects until the current transaction ends: while it is held, the
 * unattached-photo purge skips them (it only ever tries the lock, never waits for it). Call it in
 * the transaction that inserts the defects, before inserting them, so that a photo is never
 * removed in the moment it becomes attached. Blocks while another transaction holds one of the
 * locks (a concurrent completion with the same finding ids; the purge holds them only briefly).
 *
 * Locks are taken in the order of their keys, so two transactions locking overlapping sets cannot
 * deadlock, even when two ids share a key. `manager` must be the transaction's EntityManager.
 */
export async function lockDefectsForPhotos(
  manager: EntityManager,
  defectIds: readonly string[],
): Promise<void> {
  if (defectIds.length === 0) return;
  // A volatile function in the select list runs after ORDER BY, row by row in that order.
  await manager.query(
    `SELECT pg_advisory_xact_lock(lock_key)
       FROM (SELECT DISTINCT ${DEFECT_PHOTO_LOCK_KEY('id')} AS lock_key
               FROM unnest($1::uuid[]) AS id) AS keys
      ORDER BY lock_key`,
    [defectIds],
  );
}
