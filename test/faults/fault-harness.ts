/**
 * The fault drill of the deadline jobs (issue #5, "Jobs that never lose a reminder"): servers of
 * its own, a few hundred or thousand order items whose deadlines are compressed to seconds, the
 * real worker as child processes, and faults injected while reminders are due. Used by
 * test/faults/deadline-faults.fault-spec.ts (about 500 items, 5 s outages) and by
 * `npm run bench -- faults` (10,000 items, 30 s outages).
 *
 * Everything runs on servers the drill starts itself on spare ports, never the machine's shared
 * PostgreSQL and Redis: its own PostgreSQL cluster (initdb/pg_ctl as `postgres`, in a directory
 * under /tmp), its own redis-server (no persistence: started again, it is empty), its own SMTP
 * server that keeps every message, duplicates included (prompt-smtp-sink.ts).
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AuthModule } from '@hausakte/auth';
import { DeadlineJobRunner, EnforcementModule } from '@hausakte/enforcement';
import { berlinDateOf, databaseOptions, PlatformModule, RequestContext } from '@hausakte/platform';
import { freePort, PrivatePostgres, startPrivatePostgres } from '@hausakte/testing';
import { PromptSmtpSink, startPromptSmtpSink } from './prompt-smtp-sink';

const ROOT = join(__dirname, '../..');
const DAY_MS = 24 * 3600_000;
/** A claimed e-mail is held this long by its sender (CLAIM_LEASE_MS in libs/notifications). */
const MAIL_CLAIM_LEASE_MS = 5 * 60_000;
/** A pending e-mail whose next attempt lies further ahead than this is held by a claim. */
const HELD_CLAIM_SQL = `email_status = 'pending' AND email_next_attempt_at > now() + interval '2 minutes'`;

export interface DrillOptions {
  /** Order items with a deadline. */
  items: number;
  /** Items per order (one order per case, one case per property). */
  itemsPerOrder: number;
  /** Officers the cases are spread over (each gets the reminders of their cases). */
  officers: number;
  /** One calendar day lasts this many seconds (DEADLINE_SECONDS_PER_DAY). */
  secondsPerDay: number;
  /** Seconds of real time over which deadlines fall, from a few seconds after the start. */
  spanSeconds: number;
  /** How long each outage lasts: worker killed until restarted, Redis and PostgreSQL down. */
  outageMs: number;
  /** SIGKILLs of the single worker before the other faults (a fourth kills one of two workers). */
  kills: number;
  /** Longest acceptable recovery after a fault; the drill gives up waiting after this. */
  recoveryLimitMs: number;
  /**
   * Wait, at the end, until the e-mails held by a killed worker's claim (5 min lease) are sent,
   * so that the duplicates they cause are counted. The test cannot afford it; the bench does it.
   */
  awaitHeldMails: boolean;
  /** A due row counts as backlog once it is this late (normal lateness is below it). */
  latenessAllowanceMs: number;
  /** The faults in order (default: all, see FULL_PLAN). */
  plan?: readonly FaultStep[];
  log: (line: string) => void;
}

/**
 * `kill-random`: SIGKILL the worker at a random point; `kill-send`: right after an e-mail
 * arrived (its sender is in the middle of a batch); both restart it after the outage.
 * `redis`: stop Redis, start it empty. `postgres`: crash PostgreSQL, start it again.
 * `two-workers`: start a second worker, then SIGKILL one of the two during a send.
 */
export type FaultStep = 'kill-random' | 'kill-send' | 'redis' | 'postgres' | 'two-workers';

export function fullPlan(kills: number): FaultStep[] {
  const killSteps: FaultStep[] = Array.from({ length: kills }, (_, n) =>
    n === 0 ? 'kill-random' : 'kill-send',
  );
  return [...killSteps, 'redis', 'postgres', 'two-workers'];
}

export const TEST_DRILL: Omit<DrillOptions, 'log'> = {
  items: 500,
  itemsPerOrder: 5,
  officers: 5,
  secondsPerDay: 3,
  spanSeconds: 240,
  outageMs: 5_000,
  kills: 2,
  recoveryLimitMs: 120_000,
  awaitHeldMails: false,
  latenessAllowanceMs: 3_000,
};

export interface FaultRecord {
  fault: string;
  /** The outage: from the fault until the operator's action that ends it (restart). */
  outageMs: number;
  /** From the end of the outage until no due row is late by more than the allowance. */
  recoveryMs: number | null;
  /** Most due rows waiting (late beyond the allowance) between the fault and its recovery. */
  peakBacklog: number;
  /** E-mails claimed by a sender that the fault stopped: held until their claim's lease ends. */
  heldMails: number;
  /** …of which the sink had received: sent but not recorded, so sent again (a duplicate). */
  heldMailsDelivered: number;
}

export interface KindFigures {
  kind: string;
  due: number;
  done: number;
  notified: number;
}

export interface DrillReport {
  items: number;
  orders: number;
  rows: number;
  /** Deadline rows whose fire_at had passed when the faults were over. */
  due: number;
  done: number;
  /** Notifications in the inbox for those rows (dedup key `deadline-<row id>`). */
  notified: number;
  missing: number;
  /** Rows whose kind always notifies (reminders, final) but that have no notification. */
  doneWithoutNotification: number;
  byKind: KindFigures[];
  inboxDuplicates: number;
  notifications: number;
  mailsReceived: number;
  mailDuplicates: number;
  /** E-mails marked sent that the sink never received. */
  mailsLost: number;
  /** E-mails of notifications made by the cutoff not sent at the end (held by a dead sender's claim). */
  mailsOutstanding: number;
  sigkills: number;
  sigkillsHittingSend: number;
  /** Other faults that stopped a sender between sending and recording (PostgreSQL crash). */
  otherFaultsHittingSend: number;
  faults: FaultRecord[];
  lateness: { p50: number; p99: number; max: number };
  wallSeconds: number;
}

interface WorkerProcess {
  name: string;
  port: number;
  child: ChildProcess;
  exited: Promise<void>;
  tail: string[];
}

class PrivateRedisServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts redis-server on the port; without persistence it always starts empty. */
  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const probe = new Redis(this.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await probe.connect();
          await probe.ping();
          return;
        } catch {
          if (attempt > 100) throw new Error(`redis-server on ${this.port} did not start`);
          await sleep(100);
        }
      }
    } finally {
      probe.disconnect();
    }
  }

  async keys(): Promise<number> {
    const client = new Redis(this.url, { maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    try {
      return await client.dbsize();
    } finally {
      client.disconnect();
    }
  }

  /** Kills it the hard way: what it held is gone. */
  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
    await this.exited;
  }

  killNow(): void {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/**
 * Creates the deadlines the way the app does, without the HTTP round trips: cases, orders and
 * items are inserted with set-based SQL in the state a served order leaves them in, then their
 * deadline jobs are derived by the app's own code (DeadlineJobRunner.resyncAll, in an in-process
 * Nest context of the enforcement lib): the very derivation (DeadlineScheduler.sync) every order
 * command runs in its transaction and the worker runs at start. Driving 2,000 orders through
 * hearing, draft, issue and service over HTTP would take minutes and test nothing this drill is
 * about; the derivation and everything after it is the real code.
 */
@Module({ imports: [PlatformModule, AuthModule, EnforcementModule] })
class DeadlineCommandsModule {}

export class FaultDrill {
  private readonly dir = mkdtempSync('/tmp/hausakte-faults-');
  private readonly origin = new Date();
  private readonly prefix = `faults_${process.pid}_${Date.now().toString(36)}`;
  private readonly started = Date.now();
  private pg: PrivatePostgres | undefined;
  private pgDataDir: string | undefined;
  private redis: PrivateRedisServer | undefined;
  private sink: PromptSmtpSink | undefined;
  private pool: Pool | undefined;
  private databaseUrl = '';
  private workers: WorkerProcess[] = [];
  private workerCount = 0;
  private readonly faults: FaultRecord[] = [];
  private readonly samples: Array<{ at: number; backlog: number }> = [];
  private sampler: NodeJS.Timeout | undefined;
  private lastProgress = 0;
  private readonly seenHeld = new Set<string>();
  private sigkills = 0;
  private sigkillsHittingSend = 0;
  private otherFaultsHittingSend = 0;
  private closed = false;
  private readonly emergency = () => this.emergencyCleanup();

  constructor(private readonly options: DrillOptions) {
    process.once('exit', this.emergency);
  }

  private log(line: string): void {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1).padStart(6);
    this.options.log(`[${seconds} s] ${line}`);
  }

  /** Runs the whole drill and reports. Call close() afterwards, also when this throws. */
  async run(): Promise<DrillReport> {
    await this.startServers();
    const worker = await this.startWorker();
    await this.waitReady(worker, 180_000);
    const { orders, rows } = await this.createDeadlines();
    this.log(`${this.options.items} items in ${orders} orders: ${rows} deadline jobs`);
    this.sampler = setInterval(() => void this.sample(), 500);
    await this.sleep(5_000);
    for (const step of this.options.plan ?? fullPlan(this.options.kills)) await this.inject(step);
    const cutoff = new Date();
    this.log('faults over: waiting until every deadline job due by now has run');
    const finalDrain = await this.waitDrained(cutoff.getTime(), cutoff);
    if (finalDrain === null) this.log('the backlog was not drained within the recovery limit');
    await this.waitForMail(cutoff);
    clearInterval(this.sampler);
    return this.report(cutoff);
  }

  private async inject(step: FaultStep): Promise<void> {
    switch (step) {
      // (a) The worker SIGKILLed at a random point, or while it sends e-mails; restarted after
      // the outage.
      case 'kill-random':
      case 'kill-send':
        return this.kill(this.workers[0], step === 'kill-random' ? 'random' : 'mail', true);
      // (b) Redis stopped, then started empty on the same port.
      case 'redis':
        return this.fault('Redis stopped, started empty', async () => {
          await this.redis!.stop();
          await this.sleep(this.options.outageMs);
          await this.redis!.start();
          this.log(`Redis started again with ${await this.redis!.keys()} keys`);
        });
      // (c) PostgreSQL crashed (pg_ctl -m immediate) and started again.
      case 'postgres':
        return this.fault(
          'PostgreSQL crashed (immediate stop), started again',
          async () => {
            await this.pg!.crash();
            await this.sleep(this.options.outageMs);
            await this.pg!.start();
          },
          true,
        );
      // (d) Two workers at once, and one of them SIGKILLed while the other goes on.
      case 'two-workers': {
        const second = await this.startWorker();
        await this.waitReady(second, 180_000);
        this.log('two workers running');
        await this.sleep(3_000);
        return this.kill(this.workers[0], 'mail', false);
      }
    }
  }

  /** Sleeps, or throws once the drill is closed (a timed-out test must not go on). */
  private async sleep(ms: number): Promise<void> {
    if (this.closed) throw new Error('the fault drill was closed');
    await sleep(ms);
    if (this.closed) throw new Error('the fault drill was closed');
  }

  private async startServers(): Promise<void> {
    this.pg = await startPrivatePostgres();
    const admin = new Pool({ connectionString: this.pg.adminUrl, max: 1 });
    try {
      const [{ data_directory }] = (await admin.query(`SHOW data_directory`)).rows as Array<{
        data_directory: string;
      }>;
      this.pgDataDir = data_directory;
      await admin.query(`CREATE DATABASE hausakte_faults`);
    } finally {
      await admin.end();
    }
    const url = new URL(this.pg.adminUrl);
    url.pathname = '/hausakte_faults';
    this.databaseUrl = url.toString();
    const migrating = new DataSource({
      ...databaseOptions({ DATABASE_URL: this.databaseUrl }),
      entities: [],
    });
    await migrating.initialize();
    try {
      await migrating.runMigrations({ transaction: 'each' });
    } finally {
      await migrating.destroy();
    }
    this.pool = new Pool({ connectionString: this.databaseUrl, max: 3 });
    this.pool.on('error', () => undefined);
    this.redis = new PrivateRedisServer(await freePort());
    await this.redis.start();
    this.sink = await startPromptSmtpSink();
    this.log(
      `own servers: PostgreSQL ${new URL(this.pg.adminUrl).port}, Redis ${this.redis.port}, SMTP ${this.sink.port}`,
    );
  }

  /** What every process of the drill (workers, the in-process commands) is configured with. */
  private env(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis!.url,
      BULLMQ_PREFIX: this.prefix,
      SMTP_URL: this.sink!.url,
      MAIL_ENABLED: 'true',
      MAIL_POLL_MS: '200',
      OUTBOX_POLL_MS: '100',
      SWEEP_EVERY_MS: '1000',
      DEADLINE_HORIZON_MS: '10000',
      DEADLINE_SECONDS_PER_DAY: String(this.options.secondsPerDay),
      DEADLINE_CLOCK_ORIGIN: this.origin.toISOString(),
      REMINDER_DAYS_BEFORE: '7,1',
      PHOTO_STORAGE_DIR: join(this.dir, 'photos'),
      LETTER_STORAGE_DIR: join(this.dir, 'letters'),
      LOG_LEVEL: process.env.FAULTS_WORKER_LOG_LEVEL ?? 'warn',
    };
  }

  private async startWorker(): Promise<WorkerProcess> {
    const name = `worker-${++this.workerCount}`;
    const port = await freePort();
    const child = spawn(process.execPath, workerEntry(), {
      cwd: ROOT,
      env: { ...process.env, ...this.env(), WORKER_PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker: WorkerProcess = {
      name,
      port,
      child,
      exited: new Promise((resolve) => child.once('exit', () => resolve())),
      tail: [],
    };
    const logFile = join(this.dir, `${name}.log`);
    const keep = (chunk: Buffer) => {
      const text = chunk.toString();
      appendFileSync(logFile, text);
      worker.tail.push(...text.split('\n').filter((line) => line.trim() !== ''));
      if (worker.tail.length > 40) worker.tail.splice(0, worker.tail.length - 40);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.workers.push(worker);
    return worker;
  }

  private async waitReady(worker: WorkerProcess, timeoutMs: number): Promise<void> {
    const from = Date.now();
    for (;;) {
      if (worker.child.exitCode !== null) {
        throw new Error(`${worker.name} exited while starting:\n${worker.tail.join('\n')}`);
      }
      const ok = await fetch(`http://127.0.0.1:${worker.port}/health/ready`)
        .then((response) => response.ok)
        .catch(() => false);
      if (ok) {
        this.log(`${worker.name} ready after ${((Date.now() - from) / 1000).toFixed(1)} s`);
        return;
      }
      if (Date.now() - from > timeoutMs) {
        throw new Error(`${worker.name} not ready in time:\n${worker.tail.join('\n')}`);
      }
      await this.sleep(250);
    }
  }

  private async createDeadlines(): Promise<{ orders: number; rows: number }> {
    const { items, itemsPerOrder, officers, secondsPerDay, spanSeconds } = this.options;
    const orders = Math.ceil(items / itemsPerOrder);
    // The calendar's today now; deadlines from tomorrow on, over spanSeconds of real time.
    const calendarNow = new Date(
      this.origin.getTime() +
        ((Date.now() - this.origin.getTime()) * DAY_MS) / (secondsPerDay * 1000),
    );
    const today = berlinDateOf(calendarNow);
    const spreadDays = Math.max(2, Math.ceil(spanSeconds / secondsPerDay));
    const db = this.pool!;
    const officerIds = Array.from({ length: officers }, () => randomUUID());
    await db.query(
      `INSERT INTO users (id, email, display_name, role, password_hash)
       SELECT id, 'officer-' || n || '@faults.example', 'Sachbearbeitung ' || n, 'officer', 'x'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)`,
      [officerIds],
    );
    const propertyIds = Array.from({ length: orders }, () => randomUUID());
    const caseIds = Array.from({ length: orders }, () => randomUUID());
    const orderIds = Array.from({ length: orders }, () => randomUUID());
    await db.query(
      `INSERT INTO properties (id, location)
       SELECT id, ST_SetSRID(ST_MakePoint(7.2 + n * 0.00001, 51.53), 4326)
         FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n)`,
      [propertyIds],
    );
    await db.query(
      `INSERT INTO property_addresses (property_id, street, house_number, postcode, city, is_primary, search_text)
       SELECT id, 'Fristweg', n::text, '44623', 'Herne', true, 'fristweg ' || n || ' 44623 herne'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n)`,
      [propertyIds],
    );
    const officerOf = caseIds.map((_, n) => officerIds[n % officers]);
    await db.query(
      `INSERT INTO cases (id, reference, property_id, officer_id, created_by)
       SELECT c.id, 'FRIST-' || lpad(c.n::text, 5, '0'), c.property_id, c.officer_id, c.officer_id
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS c(id, property_id, officer_id, n)`,
      [caseIds, propertyIds, officerOf],
    );
    // Served orders without a hearing (skipped, with its reason); the challenge periods end
    // within the span too, so "final" jobs run along with the reminders.
    await db.query(
      `INSERT INTO orders (id, case_id, kind, status, hearing_skipped_reason, addressees, issued_at,
                           notified_on, notified_at, challenge_ends_on, created_by)
       SELECT o.id, o.case_id, 'repair', 'served', 'Gefahr im Verzug (Übung)', '[]'::jsonb, now(),
              $3::date - 20, now(), $3::date + 1 + (o.n::int * 7 % $4::int), o.officer_id
         FROM unnest($1::uuid[], $2::uuid[], $5::uuid[]) WITH ORDINALITY AS o(id, case_id, officer_id, n)`,
      [orderIds, caseIds, today, spreadDays, officerOf],
    );
    // Items' deadlines spread evenly over the span (a stride scatters the days of one order).
    await db.query(
      `INSERT INTO order_items (order_id, number, requirement, status, period_unit, period_amount,
                                period_source, due_on)
       SELECT ($1::uuid[])[(g / $2::int) + 1], (g % $2::int) + 1,
              'Mangel Nr. ' || ((g % $2::int) + 1) || ' beseitigen', 'open', 'days', 14,
              'severity_default', $3::date + 1 + (g * 7919 % $4::int)
         FROM generate_series(0, $5::int - 1) AS g`,
      [orderIds, itemsPerOrder, today, spreadDays, items],
    );
    await this.deriveJobs();
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM deadline_jobs`)).rows as Array<{
      n: number;
    }>;
    return { orders, rows: n };
  }

  private async deriveJobs(): Promise<void> {
    const wanted = this.env();
    const saved = Object.fromEntries(Object.keys(wanted).map((key) => [key, process.env[key]]));
    Object.assign(process.env, wanted, { LOG_LEVEL: 'silent' });
    let app;
    try {
      app = await NestFactory.createApplicationContext(DeadlineCommandsModule, {
        logger: ['error', 'warn'],
      });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    try {
      const runner = app.get(DeadlineJobRunner);
      const cases = await app.get(RequestContext).run(null, () => runner.resyncAll());
      this.log(`deadline jobs derived for ${cases} cases`);
    } finally {
      await app.close();
    }
  }

  /**
   * Due rows late beyond the allowance, or, with `upTo`, every pending row due by then however
   * little late; null while PostgreSQL does not answer.
   */
  private async backlog(upTo?: Date): Promise<number | null> {
    try {
      const { rows } = await this.pool!.query<{ n: number }>(
        upTo
          ? `SELECT count(*)::int AS n FROM deadline_jobs WHERE status = 'pending' AND fire_at <= $1`
          : `SELECT count(*)::int AS n FROM deadline_jobs
              WHERE status = 'pending' AND fire_at < now() - $1 * interval '1 millisecond'`,
        [upTo ? upTo.toISOString() : this.options.latenessAllowanceMs],
      );
      return rows[0].n;
    } catch {
      return null;
    }
  }

  private async sample(): Promise<void> {
    const backlog = await this.backlog();
    if (backlog !== null) this.samples.push({ at: Date.now(), backlog });
    if (backlog === null || Date.now() - this.lastProgress < 10_000) return;
    this.lastProgress = Date.now();
    try {
      const { rows } = await this.pool!.query<{ done: number; pending: number; mails: number }>(
        `SELECT count(*) FILTER (WHERE status = 'done')::int AS done,
                count(*) FILTER (WHERE status = 'pending')::int AS pending,
                (SELECT count(*)::int FROM notifications WHERE email_status = 'pending') AS mails
           FROM deadline_jobs`,
      );
      this.log(
        `progress: ${rows[0].done} done, ${rows[0].pending} pending (${backlog} late), ` +
          `${rows[0].mails} e-mails to send, ${this.sink!.messages.length} received`,
      );
    } catch {
      // PostgreSQL is down: the next sample tells.
    }
  }

  /** Waits until no due row is late; the time from `from`, or null after the recovery limit. */
  private async waitDrained(from: number, upTo?: Date): Promise<number | null> {
    for (;;) {
      if ((await this.backlog(upTo)) === 0) return Date.now() - from;
      if (Date.now() - from > this.options.recoveryLimitMs) return null;
      await this.sleep(200);
    }
  }

  /** E-mails claimed but neither sent nor failed: their sender stopped. */
  private async heldClaims(): Promise<string[]> {
    const { rows } = await this.pool!.query<{ id: string }>(
      `SELECT id FROM notifications WHERE ${HELD_CLAIM_SQL}`,
    );
    return rows.map((row) => row.id).filter((id) => !this.seenHeld.has(id));
  }

  /** Of the newly held claims, how many the sink received (sent, not recorded). */
  private async newlyHeld(): Promise<{ held: number; delivered: number }> {
    // Twice a second apart: a live sender's claim lasts milliseconds, a dead one's stays.
    const first = new Set(await this.heldClaims());
    await this.sleep(1_500);
    const held = (await this.heldClaims()).filter((id) => first.has(id));
    for (const id of held) this.seenHeld.add(id);
    const received = new Set(this.sink!.messages.map((mail) => mail.messageId));
    const delivered = held.filter((id) => received.has(`<notification-${id}@hausakte>`)).length;
    return { held: held.length, delivered };
  }

  /**
   * SIGKILLs the worker at a random point, or right after an e-mail arrived (its sender is then
   * in the middle of a batch); restarts it after the outage, or leaves it dead when another
   * worker runs (the outage is then the kill itself: the other worker has to take over).
   */
  private async kill(
    worker: WorkerProcess,
    when: 'random' | 'mail',
    restart: boolean,
  ): Promise<void> {
    let label = '';
    await this.fault(`SIGKILL worker${restart ? '' : ' (one of two, not restarted)'}`, async () => {
      if (when === 'mail') {
        const seen = this.sink!.messages.length;
        const until = Date.now() + 15_000;
        while (this.sink!.messages.length === seen && Date.now() < until) await this.sleep(2);
        label = this.sink!.messages.length > seen ? ', during a send' : ', at a random point';
        await this.sleep(Math.random() * 15);
      } else {
        await this.sleep(Math.random() * 3_000);
        label = ', at a random point';
      }
      worker.child.kill('SIGKILL');
      await worker.exited;
      const killedAt = Date.now();
      this.sigkills++;
      this.workers = this.workers.filter((candidate) => candidate !== worker);
      const hit = await this.newlyHeld();
      if (hit.delivered > 0) this.sigkillsHittingSend++;
      if (!restart) return { ...hit, endedAt: killedAt };
      await this.sleep(Math.max(0, this.options.outageMs - (Date.now() - killedAt)));
      const restarted = await this.startWorker();
      // The restarted worker first, where the next kill looks.
      this.workers = [restarted, ...this.workers.filter((w) => w !== restarted)];
      return hit;
    });
    this.faults[this.faults.length - 1].fault += label;
  }

  /**
   * One fault: `inject` causes it and ends the outage (returns when the operator's remedy is
   * done: a restart); then the time until the backlog of due rows is drained.
   */
  private async fault(
    name: string,
    inject: () => Promise<{ held: number; delivered: number; endedAt?: number } | void>,
    countHeldAfter = false,
  ): Promise<void> {
    this.log(`fault: ${name}`);
    const start = Date.now();
    const result = await inject();
    const end = result?.endedAt ?? Date.now();
    let held = { held: result?.held ?? 0, delivered: result?.delivered ?? 0 };
    if (countHeldAfter) {
      // PostgreSQL back: a sender that had sent a mail could not record it.
      await this.waitForDatabase();
      held = await this.newlyHeld();
      if (held.delivered > 0) this.otherFaultsHittingSend++;
    }
    const recoveryMs = await this.waitDrained(end);
    const peakBacklog = Math.max(
      0,
      ...this.samples.filter((s) => s.at >= start && s.at <= Date.now()).map((s) => s.backlog),
    );
    const record: FaultRecord = {
      fault: name,
      outageMs: end - start,
      recoveryMs,
      peakBacklog,
      heldMails: held.held,
      heldMailsDelivered: held.delivered,
    };
    this.faults.push(record);
    this.log(
      `recovered from "${name}" in ${recoveryMs === null ? 'never' : `${(recoveryMs / 1000).toFixed(1)} s`} ` +
        `(outage ${(record.outageMs / 1000).toFixed(1)} s, peak backlog ${peakBacklog}, ` +
        `held mails ${held.held}, of them delivered ${held.delivered})`,
    );
    if (recoveryMs === null) {
      for (const worker of this.workers) {
        this.log(`${worker.name} last lines:\n  ${worker.tail.join('\n  ')}`);
      }
    }
  }

  private async waitForDatabase(): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        await this.pool!.query('SELECT 1');
        return;
      } catch {
        await this.sleep(200);
      }
    }
  }

  /**
   * Waits until the e-mails of every notification made by the cutoff are sent, but for those held
   * by a dead sender's claim (unless asked to wait for those too: their lease is 5 minutes).
   */
  private async waitForMail(cutoff: Date): Promise<void> {
    const notHeld = this.options.awaitHeldMails ? '' : `AND NOT (${HELD_CLAIM_SQL})`;
    const limitMs = this.options.awaitHeldMails ? MAIL_CLAIM_LEASE_MS + 120_000 : 120_000;
    const until = Date.now() + limitMs;
    let last = -1;
    for (;;) {
      const { rows } = await this.pool!.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications
          WHERE email_status = 'pending' AND created_at <= $1 ${notHeld}`,
        [cutoff.toISOString()],
      );
      const pending = rows[0].n;
      if (pending === 0) return;
      if (pending !== last)
        this.log(`e-mails of notifications made by the cutoff still to send: ${pending}`);
      last = pending;
      if (Date.now() > until) return;
      await this.sleep(1_000);
    }
  }

  private async report(cutoff: Date): Promise<DrillReport> {
    const db = this.pool!;
    const byKind = (
      await db.query<KindFigures>(
        `SELECT d.kind, count(*)::int AS due,
                count(*) FILTER (WHERE d.status = 'done')::int AS done,
                count(n.id)::int AS notified
           FROM deadline_jobs d
           LEFT JOIN notifications n ON n.dedup_key = 'deadline-' || d.id
          WHERE d.fire_at <= $1
          GROUP BY d.kind ORDER BY d.kind`,
        [cutoff.toISOString()],
      )
    ).rows;
    const [{ rows, notdone, silent }] = (
      await db.query<{ rows: number; notdone: number; silent: number }>(
        `SELECT (SELECT count(*)::int FROM deadline_jobs) AS rows,
                count(*) FILTER (WHERE d.status <> 'done')::int AS notdone,
                count(*) FILTER (WHERE d.status = 'done' AND d.kind <> 'passed' AND n.id IS NULL)::int
                  AS silent
           FROM deadline_jobs d
           LEFT JOIN notifications n ON n.dedup_key = 'deadline-' || d.id
          WHERE d.fire_at <= $1`,
        [cutoff.toISOString()],
      )
    ).rows;
    const [{ duplicates, notifications }] = (
      await db.query<{ duplicates: number; notifications: number }>(
        // By content, not by dedup key (which is unique): the same message to the same person
        // about the same thing twice, e.g. a reminder written again under another key.
        `SELECT COALESCE(sum(c - 1), 0)::int AS duplicates, COALESCE(sum(c), 0)::int AS notifications
           FROM (SELECT count(*) AS c FROM notifications
                  GROUP BY recipient_id, kind, entity_id, subject, body) per_message`,
      )
    ).rows;
    const sent = (
      await db.query<{ id: string }>(`SELECT id FROM notifications WHERE email_status = 'sent'`)
    ).rows;
    const [{ outstanding }] = (
      await db.query<{ outstanding: number }>(
        `SELECT count(*)::int AS outstanding FROM notifications
          WHERE email_status <> 'sent' AND created_at <= $1`,
        [cutoff.toISOString()],
      )
    ).rows;
    const perMessage = new Map<string, number>();
    for (const mail of this.sink!.messages) {
      const id = mail.messageId ?? '(none)';
      perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
    }
    const mailDuplicates = [...perMessage.values()].reduce((sum, c) => sum + c - 1, 0);
    const mailsLost = sent.filter(
      (row) => !perMessage.has(`<notification-${row.id}@hausakte>`),
    ).length;
    const [lateness] = (
      await db.query<{ p50: number; p99: number; max: number }>(
        `SELECT COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), 0)::int AS p50,
                COALESCE(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), 0)::int AS p99,
                COALESCE(max(ms), 0)::int AS max
           FROM (SELECT extract(epoch FROM done_at - fire_at) * 1000 AS ms
                   FROM deadline_jobs WHERE status = 'done') late`,
      )
    ).rows;
    const due = byKind.reduce((sum, kind) => sum + kind.due, 0);
    return {
      items: this.options.items,
      orders: Math.ceil(this.options.items / this.options.itemsPerOrder),
      rows,
      due,
      done: byKind.reduce((sum, kind) => sum + kind.done, 0),
      notified: byKind.reduce((sum, kind) => sum + kind.notified, 0),
      missing: notdone + silent,
      doneWithoutNotification: silent,
      byKind,
      inboxDuplicates: duplicates,
      notifications,
      mailsReceived: this.sink!.messages.length,
      mailDuplicates,
      mailsLost,
      mailsOutstanding: outstanding,
      sigkills: this.sigkills,
      sigkillsHittingSend: this.sigkillsHittingSend,
      otherFaultsHittingSend: this.otherFaultsHittingSend,
      faults: this.faults,
      lateness,
      wallSeconds: Math.round((Date.now() - this.started) / 1000),
    };
  }

  /** Stops every process and server the drill started and removes its directories. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sampler);
    await Promise.all(
      this.workers.map(async (worker) => {
        if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
        worker.child.kill('SIGTERM');
        const timer = setTimeout(() => worker.child.kill('SIGKILL'), 10_000);
        await worker.exited;
        clearTimeout(timer);
      }),
    );
    await this.pool?.end().catch(() => undefined);
    await this.sink?.stop();
    await this.redis?.stop();
    await this.pg?.remove();
    if (process.env.FAULTS_KEEP_LOGS) this.options.log(`worker logs kept in ${this.dir}`);
    else rmSync(this.dir, { recursive: true, force: true });
    process.removeListener('exit', this.emergency);
  }

  /** On an exit without close() (a crash, Ctrl-C): nothing may stay behind. Synchronous. */
  private emergencyCleanup(): void {
    if (this.closed) return;
    for (const worker of this.workers) {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    }
    this.redis?.killNow();
    if (this.pgDataDir) {
      const bin = execFileSync('ls', ['/usr/lib/postgresql'])
        .toString()
        .trim()
        .split('\n')
        .sort((a, b) => Number(b) - Number(a))[0];
      try {
        execFileSync(
          'runuser',
          [
            '-u',
            'postgres',
            '--',
            `/usr/lib/postgresql/${bin}/bin/pg_ctl`,
            '-D',
            this.pgDataDir,
            '-m',
            'immediate',
            'stop',
          ],
          { stdio: 'ignore' },
        );
      } catch {
        // Already stopped.
      }
      rmSync(join(this.pgDataDir, '..'), { recursive: true, force: true });
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The figures as a console table. */
export function formatReport(report: DrillReport): string {
  const seconds = (ms: number | null) =>
    ms === null ? 'not recovered' : `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `items ${report.items} in ${report.orders} orders, ${report.rows} deadline jobs; wall time ${report.wallSeconds} s`,
    '',
    'deadline jobs due by the end of the faults:',
    '  kind       due    done   notified',
    ...report.byKind.map(
      (kind) =>
        `  ${kind.kind.padEnd(9)} ${String(kind.due).padStart(5)} ${String(kind.done).padStart(7)} ${String(kind.notified).padStart(10)}`,
    ),
    '',
    `reminders due (fire_at passed)         ${report.due}`,
    `sent (rows done)                       ${report.done}`,
    `notifications for them                 ${report.notified}  ("passed" notifies once per property)`,
    `missing                                ${report.missing}`,
    `duplicated in the inbox                ${report.inboxDuplicates}  (of ${report.notifications} notifications)`,
    `e-mails received by the sink           ${report.mailsReceived}`,
    `duplicated by e-mail                   ${report.mailDuplicates}`,
    `e-mails marked sent, never received    ${report.mailsLost}`,
    `e-mails not sent yet (held by a claim) ${report.mailsOutstanding}`,
    `SIGKILLs                               ${report.sigkills}, of them hitting a send: ${report.sigkillsHittingSend}`,
    `other faults hitting a send            ${report.otherFaultsHittingSend}`,
    `lateness after fire_at (all rows)      p50 ${report.lateness.p50} ms, p99 ${report.lateness.p99} ms, max ${report.lateness.max} ms`,
    '',
    '  fault                                                    outage   recovery   peak backlog   held mails (delivered)',
    ...report.faults.map(
      (fault) =>
        `  ${fault.fault.padEnd(56)} ${seconds(fault.outageMs).padStart(7)} ${seconds(fault.recoveryMs).padStart(10)} ${String(fault.peakBacklog).padStart(14)}   ${fault.heldMails} (${fault.heldMailsDelivered})`,
    ),
  ];
  return lines.join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The worker's built bundle when it is newer than every source file (`npm test` builds before
 * this tier): it starts in a second or two, where ts-node needs 10–30 s to load the source. Else
 * the source through ts-node, as a developer running this tier alone after an edit expects.
 */
function workerEntry(): string[] {
  const bundle = join(ROOT, 'dist/apps/worker/main.js');
  const fromSource = [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    'apps/worker/src/main.ts',
  ];
  if (!existsSync(bundle)) return fromSource;
  const built = statSync(bundle).mtimeMs;
  const newestSource = Math.max(
    ...['apps/worker/src', 'libs'].map((dir) => newestMtime(join(ROOT, dir))),
  );
  return newestSource < built ? [bundle] : fromSource;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
