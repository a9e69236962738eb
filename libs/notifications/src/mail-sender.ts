import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** `<…@…>`, the same on every attempt of one notification. */
  messageId: string;
}

type Transport = ReturnType<typeof createTransport>;

/**
 * Talks SMTP (nodemailer) to SMTP_URL. The connection is opened per send, not at boot. (A pooled
 * connection would be faster, but noticed a restarted mail server only after its socket timeout.)
 */
@Injectable()
export class MailSender implements OnModuleDestroy {
  private transport: Transport | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(mail: OutgoingMail): Promise<void> {
    this.transport ??= createTransport(
      {
        url: this.config.SMTP_URL,
        // An unreachable or stalled server must not hold the system queue for long.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      { from: this.config.MAIL_FROM },
    );
    await this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      // RFC 3834: no out-of-office replies to a machine.
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
