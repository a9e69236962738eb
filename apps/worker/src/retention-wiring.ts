import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuthRetention } from '@hausakte/auth';
import { PhotoRetention } from '@hausakte/inspections';
import { RetentionTasks } from '@hausakte/jobs';

/** Hands the other libs' purges to the nightly housekeeping job. */
@Injectable()
export class RetentionWiring implements OnModuleInit {
  constructor(
    private readonly tasks: RetentionTasks,
    private readonly auth: AuthRetention,
    private readonly photos: PhotoRetention,
  ) {}

  onModuleInit(): void {
    this.tasks.register('ended sessions', (now) => this.auth.purgeSessions(now));
    this.tasks.register('failed sign-ins', (now) => this.auth.purgeSignInFailures(now));
    this.tasks.register('unattached photos', (now) => this.photos.purgeUnattached(now));
    this.tasks.register('stale photo uploads', () => this.photos.purgeStaleUploads());
  }
}
