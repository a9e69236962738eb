import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailSender } from './mail-sender';
import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { NotificationsService } from './notifications.service';

/**
 * The in-app inbox and notification e-mail. Depends on platform only; the `users` table it
 * points at comes with the auth lib's entities (AuthModule). The worker runs the e-mail sweeper
 * (`deliverPendingEmails`) and the retention purge.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [NotificationRepository, MailSender, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
