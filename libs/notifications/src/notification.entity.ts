import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

export const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'none'] as const;
/** `none`: no e-mail is sent (e-mail is off, or the recipient has no usable address). */
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * One message to one user: an entry in their in-app inbox and, unless e-mail is off, an
 * e-mail. `dedupKey` makes it exactly-once; the e-mail is at least once (deterministic
 * Message-ID). The recipient's address is never stored here: it is read when the mail is sent.
 */
@Entity({ name: 'notifications' })
@Unique('notifications_dedup_key_key', ['dedupKey'])
@Check('notifications_dedup_key_check', `length(dedup_key) BETWEEN 1 AND 300`)
@Check('notifications_kind_check', `kind ~ '^[a-z][a-z0-9_.-]{0,99}$'`)
@Check(
  'notifications_subject_check',
  `btrim(subject) <> '' AND length(subject) <= 300 AND subject !~ '[\\r\\n]'`,
)
@Check('notifications_body_check', `btrim(body) <> ''`)
@Check('notifications_link_check', `link IS NULL OR link ~ '^/([^/\\\\]|$)'`)
@Check('notifications_entity_check', `(entity_type IS NULL) = (entity_id IS NULL)`)
@Check('notifications_email_status_check', `email_status IN ('pending', 'sent', 'failed', 'none')`)
@Check('notifications_email_attempts_check', `email_attempts >= 0`)
@Check(
  'notifications_email_next_attempt_check',
  `(email_status = 'pending') = (email_next_attempt_at IS NOT NULL)`,
)
// The inbox reads newest first; TypeORM cannot describe a DESC column, the migration owns it.
@Index('notifications_inbox_idx', { synchronize: false })
@Index('notifications_email_pending_idx', ['emailNextAttemptAt'], {
  where: `email_status = 'pending'`,
})
@Index('notifications_entity_idx', ['entityType', 'entityId'])
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notifications_pkey' })
  id!: string;

  /** The caller's natural key, e.g. `reminder-<itemId>-7d-2026-12-01`. */
  @Column({ name: 'dedup_key', type: 'text' })
  dedupKey!: string;

  @ForeignKey('users', { name: 'notifications_recipient_id_fkey' })
  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  /** What sort of message, for filtering and icons: `deadline-reminder`, `reinspection-due`. */
  @Column({ type: 'text' })
  kind!: string;

  /** German; also the e-mail's subject, so keep personal data out of it. */
  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  /** An app path (`/vorgaenge/<id>`), never an absolute URL. */
  @Column({ type: 'text', nullable: true })
  link!: string | null;

  /** What it is about, e.g. `order_item` and its id. */
  @Column({ name: 'entity_type', type: 'text', nullable: true })
  entityType!: string | null;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'email_status', type: 'text' })
  emailStatus!: EmailStatus;

  @Column({ name: 'email_attempts', type: 'integer', default: 0 })
  emailAttempts!: number;

  /** Set while the e-mail is pending: not sent again before then (backoff, or a sender's lease). */
  @Column({ name: 'email_next_attempt_at', type: 'timestamptz', nullable: true })
  emailNextAttemptAt!: Date | null;

  @Column({ name: 'email_sent_at', type: 'timestamptz', nullable: true })
  emailSentAt!: Date | null;

  /** The last SMTP error, with addresses removed. */
  @Column({ name: 'email_last_error', type: 'text', nullable: true })
  emailLastError!: string | null;
}
