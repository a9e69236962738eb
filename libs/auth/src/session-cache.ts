import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Client, type Notification } from 'pg';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';
import type { LiveSession } from './session.repository';

/** The channel the triggers on `sessions` and `users` notify (migration SessionNotify). */
export const AUTH_CHANNEL = 'hausakte_auth';
/** The listener's connection in `pg_stat_activity`: this name and the process id. */
export const SESSION_LISTENER_NAME = 'hausakte-session-listener';
const MAX_ENTRIES = 10_000;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;
/** How often the listener proves it still hears, and how long its own notification may take. */
const PROBE_EVERY_MS = 10_000;
const PROBE_TIMEOUT_MS = 3_000;

/**
 * Live sessions kept in process for `SESSION_CACHE_SECONDS`, so that the session check of a
 * request is not a database round trip (ADR 0017). Safe only while it hears every change:
 * - triggers on `sessions` (revoked, expiry moved, a live one deleted) and `users` (active,
 *   role, name, e-mail) notify `hausakte_auth` at commit; the listener forgets what they name;
 * - the cache answers only while its LISTEN connection is up and has heard its own probe (a
 *   notification it sends itself, at start and every 10 s: a pooler that drops LISTEN or a
 *   connection dead without an error shows as a probe not heard within 3 s); when it drops,
 *   everything is forgotten and every request asks the database until it listens again;
 * - a lookup takes a ticket before reading the database and stores its answer only if nothing
 *   was forgotten meanwhile, so a read that raced a revocation cannot put it back;
 * - this process's own sign-outs and user changes forget at once (`forgetSession`,
 *   `forgetUser`), without waiting for their notification.
 * The connection opens with the first lookup, so processes that authenticate nobody (the
 * worker, the cli) never open it.
 */
@Injectable()
export class SessionCache implements OnModuleDestroy {
  private readonly logger = new Logger(SessionCache.name);
  private readonly ttlMs: number;
  private readonly entries: LRUCache<string, { session: LiveSession; expiresAtMs: number }>;
  /** Moves on with every forget: a ticket older than it may not store. */
  private generation = 0;
  private listener: Client | undefined;
  private listening = false;
  private started = false;
  private stopped = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private probeDeadline: NodeJS.Timeout | undefined;
  private probeSeq = 0;
  /** The probe awaited, or undefined. */
  private probeAwaited: string | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.ttlMs = config.SESSION_CACHE_SECONDS * 1000;
    this.entries = new LRUCache({ max: MAX_ENTRIES });
  }

  /** Whether lookups may be answered from memory now (the listener hears changes). */
  get active(): boolean {
    return this.listening;
  }

  /** The session behind a token's hash, if the cache holds it and may answer. */
  get(tokenHash: string): LiveSession | undefined {
    if (this.ttlMs === 0) return undefined;
    if (!this.started) this.start();
    if (!this.listening) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= Date.now()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.session;
  }

  /** Taken before reading the database; `store` refuses it if anything was forgotten since. */
  ticket(): number {
    return this.generation;
  }

  store(tokenHash: string, session: LiveSession, ticket: number): void {
    if (!this.listening || ticket !== this.generation) return;
    const expiresAtMs = Math.min(Date.now() + this.ttlMs, session.expiresAt.getTime());
    this.entries.set(tokenHash, { session, expiresAtMs });
  }

  forgetSession(sessionId: string): void {
    this.forgetWhere((session) => session.sessionId === sessionId);
  }

  forgetUser(userId: string): void {
    this.forgetWhere((session) => session.userId === userId);
  }

  private forgetWhere(matches: (session: LiveSession) => boolean): void {
    this.generation += 1;
    for (const [key, entry] of this.entries.entries()) {
      if (matches(entry.session)) this.entries.delete(key);
    }
  }

  private forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private start(): void {
    this.started = true;
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: `${SESSION_LISTENER_NAME}-${process.pid}`,
    });
    this.listener = client;
    client.on('notification', (message: Notification) => this.heard(message.payload));
    // Without a handler an error would crash the process; each ends the listening.
    client.on('error', (error: Error) => this.lost(client, error.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
    } catch (error) {
      this.lost(client, (error as Error).message);
      return;
    }
    if (this.listener !== client) return;
    this.probe(client);
  }

  /** Sends itself a notification; hearing it (re)starts answering, missing it ends listening. */
  private probe(client: Client): void {
    this.probeSeq += 1;
    const payload = `probe:${process.pid}.${this.probeSeq}`;
    this.probeAwaited = payload;
    clearTimeout(this.probeDeadline);
    this.probeDeadline = setTimeout(
      () => this.lost(client, 'its own notification was not heard'),
      PROBE_TIMEOUT_MS,
    );
    this.probeDeadline.unref();
    client
      .query(`SELECT pg_notify('${AUTH_CHANNEL}', $1)`, [payload])
      .catch((error: Error) => this.lost(client, error.message));
  }

  private probeHeard(payload: string): void {
    const client = this.listener;
    if (payload !== this.probeAwaited || !client) return;
    this.probeAwaited = undefined;
    clearTimeout(this.probeDeadline);
    if (!this.listening) {
      // Whatever changed while nobody listened is unknown: start empty.
      this.forgetAll();
      this.listening = true;
      this.retryMs = RECONNECT_MIN_MS;
    }
    this.probeTimer = setTimeout(() => this.probe(client), PROBE_EVERY_MS);
    this.probeTimer.unref();
  }

  private heard(payload: string | undefined): void {
    const [kind, id] = (payload ?? '').split(':');
    if (kind === 'probe') {
      this.probeHeard(payload ?? '');
      return;
    }
    if (kind === 'session' && id) this.forgetSession(id);
    else if (kind === 'user' && id) this.forgetUser(id);
    else this.forgetAll();
  }

  private lost(client: Client, reason: string): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    this.listening = false;
    this.probeAwaited = undefined;
    clearTimeout(this.probeTimer);
    clearTimeout(this.probeDeadline);
    this.forgetAll();
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(
      `Session cache off until its listener is back (${reason}); retrying in ${this.retryMs} ms`,
    );
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.probeTimer);
    clearTimeout(this.probeDeadline);
    const client = this.listener;
    this.listener = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}
