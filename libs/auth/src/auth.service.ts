import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  AuditTrail,
  Problem,
  RequestContext,
  Transactional,
} from '@hausakte/platform';
import { AuthenticatedUser } from './authenticated-user';
import { PasswordHasher } from './password-hasher';
import { SessionCache } from './session-cache';
import { hashToken, newSessionToken, throttleKey } from './session-token';
import { LiveSession, SessionRepository } from './session.repository';
import { SignInFailureRepository } from './sign-in-failure.repository';
import { User } from './user.entity';
import { UserRepository } from './user.repository';

type SignInOutcome =
  { kind: 'throttled' } | { kind: 'refused' } | { kind: 'signed-in'; result: SignInResult };

export interface SignInResult {
  token: string;
  expiresAt: Date;
  user: User;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly failures: SignInFailureRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
    private readonly context: RequestContext,
    private readonly sessionCache: SessionCache,
  ) {}

  /**
   * Checks the password and opens a session. Failed attempts are counted per account and per
   * client; past the limit every attempt is refused with 429 until the window has passed.
   */
  async signIn(email: string, password: string, clientAddress: string): Promise<SignInResult> {
    const outcome = await this.attempt(email, password, clientAddress);
    if (outcome.kind === 'throttled') {
      const windowSeconds = this.config.SIGN_IN_WINDOW_MINUTES * 60;
      throw new Problem(
        HttpStatus.TOO_MANY_REQUESTS,
        'too-many-sign-in-attempts',
        `Too many failed sign-ins. Try again in ${this.config.SIGN_IN_WINDOW_MINUTES} minutes.`,
        {},
        { 'retry-after': String(windowSeconds) },
      );
    }
    if (outcome.kind === 'refused') {
      throw new Problem(
        HttpStatus.UNAUTHORIZED,
        'invalid-credentials',
        'E-mail address or password is wrong.',
      );
    }
    return outcome.result;
  }

  /**
   * Count, check and record under a lock on the account, so that parallel attempts are counted
   * one after another and a burst cannot slip past the limit. The outcome commits either way:
   * a refused attempt must stay recorded.
   */
  @Transactional()
  private async attempt(
    email: string,
    password: string,
    clientAddress: string,
  ): Promise<SignInOutcome> {
    const accountKey = throttleKey('account', email);
    const clientKey = throttleKey('client', clientAddress);
    await this.failures.lockAccount(accountKey);
    if (await this.isThrottled(accountKey, clientKey)) return { kind: 'throttled' };

    const user = await this.users.findByEmail(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active) {
      await this.failures.record(accountKey, clientKey);
      this.logger.warn({ event: 'sign_in_failed' }, 'Sign-in failed');
      return { kind: 'refused' };
    }
    return { kind: 'signed-in', result: await this.openSession(user, accountKey) };
  }

  @Transactional()
  private async openSession(user: User, accountKey: string): Promise<SignInResult> {
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    const session = await this.sessions.insert({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt,
    });
    await this.failures.clearAccount(accountKey);
    this.context.actorId = user.id;
    await this.audit.record({
      action: 'session.signed_in',
      entityType: 'session',
      entityId: session.id,
      after: { userId: user.id, expiresAt: expiresAt.toISOString() },
    });
    return { token, expiresAt, user };
  }

  private async isThrottled(accountKey: string, clientKey: string): Promise<boolean> {
    const since = new Date(Date.now() - this.config.SIGN_IN_WINDOW_MINUTES * 60_000);
    // One after the other: inside the sign-in's transaction both share one connection.
    const forAccount = await this.failures.countForAccountSince(accountKey, since);
    const forClient = await this.failures.countForClientSince(clientKey, since);
    return (
      forAccount >= this.config.SIGN_IN_MAX_FAILURES ||
      forClient >= this.config.SIGN_IN_MAX_FAILURES_PER_IP
    );
  }

  /** The user behind a session token, or null if the token is unknown, expired, revoked or the user deactivated. */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const tokenHash = hashToken(token);
    const cached = this.sessionCache.get(tokenHash);
    if (cached) return authenticatedUser(cached);
    const ticket = this.sessionCache.ticket();
    const live = await this.sessions.findLive(tokenHash);
    if (!live) return null;
    this.sessionCache.store(tokenHash, live, ticket);
    return authenticatedUser(live);
  }

  /** Ends the session; once committed, this process forgets it at once (others by notification). */
  async signOut(user: AuthenticatedUser): Promise<void> {
    await this.endSession(user);
    this.sessionCache.forgetSession(user.sessionId);
  }

  @Transactional()
  private async endSession(user: AuthenticatedUser): Promise<void> {
    await this.sessions.revoke(user.sessionId);
    await this.audit.record({
      action: 'session.signed_out',
      entityType: 'session',
      entityId: user.sessionId,
    });
  }
}

function authenticatedUser(live: LiveSession): AuthenticatedUser {
  return {
    id: live.userId,
    email: live.email,
    displayName: live.displayName,
    role: live.role,
    sessionId: live.sessionId,
  };
}
