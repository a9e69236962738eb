import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { EmailStatus, Notification } from './notification.entity';

export interface NewNotification {
  dedupKey: string;
  recipientId: string;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  emailStatus: Extract<EmailStatus, 'pending' | 'none'>;
}

export interface InboxFilter {
  recipientId: string;
  unreadOnly: boolean;
  limit: number;
  offset: number;
}

export type InboxRow = Pick<
  Notification,
  'id' | 'kind' | 'subject' | 'body' | 'link' | 'entityType' | 'entityId' | 'createdAt' | 'readAt'
>;

/** A pending e-mail taken by one sender, with the recipient's address as `users` has it now. */
export interface ClaimedEmail {
  id: string;
  subject: string;
  body: string;
  link: string | null;
  /** Attempts before this one. */
  attempts: number;
  /** Null when the user is deactivated (or has no address). */
  address: string | null;
}

const INBOX_COLUMNS = `id, kind, subject, body, link, entity_type AS "entityType",
  entity_id AS "entityId", created_at AS "createdAt", read_at AS "readAt"`;

@Injectable()
export class NotificationRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  /**
   * Inserts unless a notification with the key exists; either way returns the key's row. If
   * another transaction is inserting the same key, waits for it (the unique index) and then
   * sees its row, or inserts after its rollback.
   */
  async insertOnce(
    notification: NewNotification,
  ): Promise<{ id: string; recipientId: string; kind: string; created: boolean }> {
    const inserted: Array<{ id: string }> = await this.manager.query(
      `INSERT INTO notifications (dedup_key, recipient_id, kind, subject, body, link,
         entity_type, entity_id, email_status, email_next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text, CASE WHEN $9::text = 'pending' THEN now() END)
       ON CONFLICT (dedup_key) DO NOTHING
       RETURNING id`,
      [
        notification.dedupKey,
        notification.recipientId,
        notification.kind,
        notification.subject,
        notification.body,
        notification.link,
        notification.entityType,
        notification.entityId,
        notification.emailStatus,
      ],
    );
    if (inserted.length === 1) {
      return {
        id: inserted[0].id,
        recipientId: notification.recipientId,
        kind: notification.kind,
        created: true,
      };
    }
    const [existing]: Array<{ id: string; recipientId: string; kind: string }> =
      await this.manager.query(
        `SELECT id, recipient_id AS "recipientId", kind FROM notifications WHERE dedup_key = $1`,
        [notification.dedupKey],
      );
    return { ...existing, created: false };
  }

  async inbox(filter: InboxFilter): Promise<{ rows: InboxRow[]; total: number; unread: number }> {
    const [{ total, unread }]: Array<{ total: number; unread: number }> = await this.manager.query(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread
       FROM notifications WHERE recipient_id = $1`,
      [filter.recipientId],
    );
    const rows: InboxRow[] = await this.manager.query(
      `SELECT ${INBOX_COLUMNS} FROM notifications
       WHERE recipient_id = $1 ${filter.unreadOnly ? 'AND read_at IS NULL' : ''}
       ORDER BY created_at DESC, id DESC
       LIMIT $2 OFFSET $3`,
      [filter.recipientId, filter.limit, filter.offset],
    );
    return { rows, total: filter.unreadOnly ? unread : total, unread };
  }

  /** Marks one of the recipient's notifications read (the first reading time stays); null if it is not theirs. */
  async markRead(id: string, recipientId: string): Promise<InboxRow | null> {
    const [rows]: [InboxRow[], number] = await this.manager.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now())
       WHERE id = $1 AND recipient_id = $2
       RETURNING ${INBOX_COLUMNS}`,
      [id, recipientId],
    );
    return rows[0] ?? null;
  }

  async markAllRead(recipientId: string): Promise<number> {
    const [, affected]: [unknown[], number] = await this.manager.query(
      `UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL`,
      [recipientId],
    );
    return affected;
  }

  /**
   * Takes the most overdue pending e-mail that no other sender holds, and hides it from the
   * others for `leaseMs` by moving its next attempt: one statement, so its row lock is held only
   * for an instant. A sender that dies before recording the outcome leaves it to be sent again
   * (same Message-ID) once the lease has run out.
   */
  async claimNextPendingEmail(leaseMs: number): Promise<ClaimedEmail | null> {
    const [rows]: [ClaimedEmail[], number] = await this.manager.query(
      `UPDATE notifications n
       SET email_next_attempt_at = now() + $1 * interval '1 millisecond'
       FROM users u
       WHERE u.id = n.recipient_id
         AND n.id = (
           SELECT id FROM notifications
           WHERE email_status = 'pending' AND email_next_attempt_at <= now()
           ORDER BY email_next_attempt_at, id
           LIMIT 1
           FOR UPDATE SKIP LOCKED)
       RETURNING n.id, n.subject, n.body, n.link, n.email_attempts AS attempts,
         CASE WHEN u.active AND btrim(u.email) <> '' THEN u.email END AS address`,
      [leaseMs],
    );
    return rows[0] ?? null;
  }

  async markEmailSent(id: string): Promise<void> {
    await this.manager.query(
      `UPDATE notifications
       SET email_status = 'sent', email_sent_at = now(), email_attempts = email_attempts + 1,
           email_next_attempt_at = NULL, email_last_error = NULL
       WHERE id = $1 AND email_status = 'pending'`,
      [id],
    );
  }

  /** Counts the failed attempt; pending again after `retryInMs`, or failed for good (null). */
  async markEmailAttemptFailed(id: string, error: string, retryInMs: number | null): Promise<void> {
    await this.manager.query(
      `UPDATE notifications
       SET email_attempts = email_attempts + 1, email_last_error = $2,
           email_status = CASE WHEN $3::bigint IS NULL THEN 'failed' ELSE 'pending' END,
           email_next_attempt_at = now() + $3::bigint * interval '1 millisecond'
       WHERE id = $1 AND email_status = 'pending'`,
      [id, error, retryInMs],
    );
  }

  /** No e-mail for this one (the recipient cannot receive it); the inbox keeps it. */
  async markNoEmail(id: string): Promise<void> {
    await this.manager.query(
      `UPDATE notifications SET email_status = 'none', email_next_attempt_at = NULL
       WHERE id = $1 AND email_status = 'pending'`,
      [id],
    );
  }

  async deleteReadCreatedBefore(cutoff: Date): Promise<number> {
    const [, affected]: [unknown[], number] = await this.manager.query(
      `DELETE FROM notifications
       WHERE read_at IS NOT NULL AND created_at < $1 AND email_status <> 'pending'`,
      [cutoff],
    );
    return affected;
  }
}
