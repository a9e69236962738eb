import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlers, RetentionTasks } from '@hausakte/jobs';
import { MAIL_BATCH, NotificationsService } from '@hausakte/notifications';

/**
 * Hands the notifications lib's work to the jobs lib, which it does not know: the e-mail sweeper
 * (`notification-mail`, scheduled by WorkerLifecycle) and the purge of old read notifications.
 */
@Injectable()
export class NotificationWiring implements OnModuleInit {
  private sending = false;

  constructor(
    private readonly handlers: JobHandlers,
    private readonly tasks: RetentionTasks,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('notification-mail', async () => {
      // One sender per process: runs of the schedule may overlap (the system queue runs three
      // jobs at once), and a crash must hit at most one e-mail in flight.
      if (this.sending) return;
      this.sending = true;
      try {
        await this.notifications.deliverPendingEmails(MAIL_BATCH);
      } finally {
        this.sending = false;
      }
    });
    this.tasks.register('read notifications', (now) => this.notifications.purgeRead(now));
  }
}
