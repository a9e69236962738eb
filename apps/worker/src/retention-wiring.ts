import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuthRetention } from '@hausakte/auth';
import { RetentionTasks } from '@hausakte/jobs';

/** Hands the other libs' purges to the nightly housekeeping job. */
@Injectable()
export class RetentionWiring implements OnModuleInit {
  constructor(
    private readonly tasks: RetentionTasks,
    private readonly auth: AuthRetention,
  ) {}

  onModuleInit(): void {
    this.tasks.register('ended sessions', (now) => this.auth.purgeSessions(now));
    this.tasks.register('failed sign-ins', (now) => this.auth.purgeSignInFailures(now));
  }
}
