import { Inject, Injectable, Logger } from '@nestjs/common';
import { Propagation } from '@nestjs-cls/transactional';
import { APP_CONFIG, AppConfig, NotFoundProblem, Transactional } from '@hausakte/platform';
import type {
  MarkAllReadResultDto,
  NotificationDto,
  NotificationPageDto,
} from './dto/notification.dto';
import type { NotificationQueryDto } from './dto/notification-query.dto';
import {
  afterFailedAttempt,
  describeSmtpError,
  emailText,
  isServerUnreachable,
  messageIdOf,
} from './email-delivery';
import { MailSender } from './mail-sender';
import { ClaimedEmail, InboxRow, NotificationRepository } from './notification.repository';

/**
 * What a domain lib asks to tell a user. Subject and body are German and written by the caller.
 * The subject is also the e-mail's subject, which mail servers log and phones show on the lock
 * screen: name the case or order by its number, not the landlord or occupants. Keep personal
 * data in the body to what the recipient needs.
 */
export interface NotifyInput {
  /**
   * The caller's natural key, the same however often the same event is handled:
   * `reminder-<itemId>-7d-2026-12-01`. At most 300 characters. A second notify with it is a no-op.
   */
  dedupKey: string;
  recipientId: string;
  /** Lower-case, e.g. `deadline-reminder`. */
  kind: string;
  /** One line, at most 300 characters. */
  subject: string;
  body: string;
  /** A path in the web app, e.g. `/vorgaenge/<id>`; e-mails link to it under PUBLIC_URL. */
  link?: string | null;
  /** What it is about (`order_item` and its id); both or neither. */
  entity?: { type: string; id: string } | null;
}

export interface NotifyResult {
  id: string;
  /** False when the key was known: nothing was written. */
  created: boolean;
}

export interface DeliveryReport {
  sent: number;
  /** Failed this time, tried again later. */
  retrying: number;
  /** Failed for the last allowed time. */
  failed: number;
  /** The recipient cannot receive e-mail (deactivated): the inbox only. */
  skipped: number;
}

/** How long a sender holds a claimed e-mail before another may send it (longer than one SMTP exchange). */
const CLAIM_LEASE_MS = 5 * 60_000;
/** E-mails one run of the sweeper sends at most. */
export const MAIL_BATCH = 50;

const DAY_MS = 24 * 3600_000;

function toDto(row: InboxRow): NotificationDto {
  return { ...row };
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly mail: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Puts a notification in the recipient's inbox and queues its e-mail, in the caller's
   * transaction: it commits or rolls back with the caller's change. Exactly once per `dedupKey`:
   * a repeat returns the first notification's id with `created: false`.
   */
  @Transactional()
  async notify(input: NotifyInput): Promise<NotifyResult> {
    const row = await this.notifications.insertOnce({
      dedupKey: input.dedupKey,
      recipientId: input.recipientId,
      kind: input.kind,
      subject: input.subject,
      body: input.body,
      link: input.link ?? null,
      entityType: input.entity?.type ?? null,
      entityId: input.entity?.id ?? null,
      emailStatus: this.config.MAIL_ENABLED ? 'pending' : 'none',
    });
    if (!row.created && (row.recipientId !== input.recipientId || row.kind !== input.kind)) {
      // Two different messages under one key: the caller's key is not specific enough.
      throw new Error(
        `Notification key ${input.dedupKey} is already used for another recipient or kind`,
      );
    }
    return { id: row.id, created: row.created };
  }

  /** The user's own inbox, newest first. */
  async inbox(userId: string, query: NotificationQueryDto): Promise<NotificationPageDto> {
    const { rows, total, unread } = await this.notifications.inbox({
      recipientId: userId,
      unreadOnly: query.unread === true,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: rows.map(toDto), total, unread };
  }

  /** Idempotent: reading again keeps the first reading time. Someone else's notification is 404. */
  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const row = await this.notifications.markRead(id, userId);
    if (!row) throw new NotFoundProblem('Notification');
    return toDto(row);
  }

  async markAllRead(userId: string): Promise<MarkAllReadResultDto> {
    return { marked: await this.notifications.markAllRead(userId) };
  }

  /**
   * Sends up to `limit` due e-mails, one at a time: claim (a statement of its own), send,
   * record the outcome (another). No transaction is open while SMTP talks, and a crash between
   * sending and recording sends the mail again after the claim's lease, with the same
   * Message-ID. A failed attempt waits 2^attempts s (at most 10 min); after MAIL_MAX_ATTEMPTS it
   * is marked failed. When the server cannot be reached the run stops early.
   */
  async deliverPendingEmails(limit = MAIL_BATCH): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
    if (!this.config.MAIL_ENABLED) return report;
    for (let n = 0; n < limit; n++) {
      const email = await this.claimNext();
      if (!email) break;
      if (!email.address) {
        await this.recordNoEmail(email.id);
        report.skipped++;
        continue;
      }
      try {
        await this.mail.send({
          to: email.address,
          subject: email.subject,
          text: emailText(email.body, email.link, this.config.PUBLIC_URL),
          messageId: messageIdOf(email.id),
        });
      } catch (error: unknown) {
        const outcome = afterFailedAttempt(email.attempts + 1, this.config.MAIL_MAX_ATTEMPTS);
        const description = describeSmtpError(error);
        await this.recordFailure(
          email.id,
          description,
          outcome.status === 'pending' ? outcome.retryInMs : null,
        );
        report[outcome.status === 'pending' ? 'retrying' : 'failed']++;
        this.logger.warn(
          { notificationId: email.id, attempt: email.attempts + 1, error: description },
          outcome.status === 'pending'
            ? 'Notification e-mail not sent; will retry'
            : 'Notification e-mail failed for good',
        );
        if (isServerUnreachable(error)) break;
        continue;
      }
      await this.recordSentPatiently(email.id);
      report.sent++;
    }
    return report;
  }

  /** Removes read notifications created more than NOTIFICATION_RETENTION_DAYS ago. */
  purgeRead(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.NOTIFICATION_RETENTION_DAYS * DAY_MS);
    return this.notifications.deleteReadCreatedBefore(cutoff);
  }

  // Each step commits on its own, even when the sweeper is called inside a transaction.
  @Transactional(Propagation.RequiresNew)
  private claimNext(): Promise<ClaimedEmail | null> {
    return this.notifications.claimNextPendingEmail(CLAIM_LEASE_MS);
  }

  /**
   * The mail has gone out: record it even if the database is away for a while. Giving up would
   * leave the claim to expire and the mail to go out again (same Message-ID, but a duplicate);
   * so retry with backoff until shortly before the claim's lease ends.
   */
  private async recordSentPatiently(id: string): Promise<void> {
    const giveUpAt = Date.now() + CLAIM_LEASE_MS - 30_000;
    for (let delayMs = 250; ; delayMs = Math.min(delayMs * 2, 10_000)) {
      try {
        await this.recordSent(id);
        return;
      } catch (error: unknown) {
        if (Date.now() + delayMs > giveUpAt) throw error;
        this.logger.warn(
          { notificationId: id, error: (error as Error).message },
          'Notification e-mail sent but not yet recorded; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  @Transactional(Propagation.RequiresNew)
  private recordSent(id: string): Promise<void> {
    return this.notifications.markEmailSent(id);
  }

  @Transactional(Propagation.RequiresNew)
  private recordFailure(id: string, error: string, retryInMs: number | null): Promise<void> {
    return this.notifications.markEmailAttemptFailed(id, error, retryInMs);
  }

  @Transactional(Propagation.RequiresNew)
  private recordNoEmail(id: string): Promise<void> {
    return this.notifications.markNoEmail(id);
  }
}
