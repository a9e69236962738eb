import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';
import { SessionRepository } from './session.repository';
import { SignInFailureRepository } from './sign-in-failure.repository';

const DAY_MS = 24 * 3600_000;

/** What auth keeps no longer than needed: ended sessions (30 days) and failed sign-ins (a day past the window). */
@Injectable()
export class AuthRetention {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly failures: SignInFailureRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  purgeSessions(now: Date): Promise<number> {
    return this.sessions.deleteEndedBefore(new Date(now.getTime() - 30 * DAY_MS));
  }

  purgeSignInFailures(now: Date): Promise<number> {
    const keep = this.config.SIGN_IN_WINDOW_MINUTES * 60_000 + DAY_MS;
    return this.failures.deleteOlderThan(new Date(now.getTime() - keep));
  }
}
