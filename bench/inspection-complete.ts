import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool, PoolClient } from 'pg';
import { databaseOptions, loadConfig, requestHash } from '@hausakte/platform';
import { seedCity } from '../scripts/seed';
import { benchDatabase, median, RunningServer, startServer, table, withClient } from './support';

export interface CompleteOptions {
  keep: boolean;
  properties: number;
  findings: number;
  clients: number;
  durationS: number;
  runs: number;
  /** Completions per run; 0: enough for about `durationS` at the rate measured so far. */
  inspections: number;
  /** Report where the app's time goes (query counts and database time per completion). */
  profile: boolean;
}

export const COMPLETE_DEFAULTS: CompleteOptions = {
  keep: false,
  properties: 2_000,
  findings: 10,
  clients: 8,
  durationS: 10,
  runs: 5,
  inspections: 0,
  profile: false,
};

const BENCH_DATABASE = 'hausakte_bench_inspections';
/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these. */
const CLOCK_TICKS = 100;
const WARMUP = 150;

interface CatalogueRow {
  id: string;
  code: string;
  version: number;
  legal_ground: string;
  title_de: string;
  title_en: string;
  severity: 'A' | 'B' | 'C';
}

interface Planned {
  id: string;
  propertyId: string;
  unitId: string | null;
}

interface RunResult {
  /** The inspections completed, in order. */
  completed: string[];
  completions: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** The command body: `findings` findings in one unit, spread over the catalogue. */
function completionBody(planned: Planned, catalogue: CatalogueRow[], findings: number) {
  return {
    outcome: 'done' as const,
    notes: 'Benchmark: zehn Befunde in einer Wohnung',
    findings: Array.from({ length: findings }, (_, index) => ({
      id: randomUUID(),
      catalogueItemId: catalogue[index % catalogue.length].id,
      unitId: planned.unitId,
      room: `Raum ${index + 1}`,
      description: `Befund ${index + 1}: Schimmel an der Außenwand, etwa 2 m², Mieterin anwesend`,
    })),
  };
}

/**
 * Completing an inspection with 10 findings: the api (`POST /api/v1/inspections/:id/complete`
 * with an Idempotency-Key, 8 concurrent HTTP clients) against a raw `pg` script writing the same
 * rows in one transaction per inspection on 8 connections. Fresh planned inspections for every
 * run; warm-up, then alternating runs; completions per second, medians and the ratio app/raw.
 */
export async function inspectionComplete(options: CompleteOptions): Promise<void> {
  const loadBefore = loadavg()[0];
  const { url: benchUrl, existing } = await benchDatabase(BENCH_DATABASE, Boolean(options.keep));
  const present = existing
    ? await withClient(benchUrl, async (c) => {
        const found = await c
          .query<{ n: string }>('SELECT count(*) AS n FROM properties')
          .catch(() => null);
        return Number(found?.rows[0].n ?? 0);
      })
    : 0;
  if (present === 0) {
    console.log(`bench: seeding ${options.properties} properties into ${BENCH_DATABASE}`);
    const seeded = await seedCity({
      databaseUrl: benchUrl,
      properties: options.properties,
      seed: 'bench',
      activity: false,
    });
    console.log(`bench: seeded in ${seeded.seconds.toFixed(1)} s`);
  } else {
    console.log(`bench: --keep: using ${BENCH_DATABASE} with ${present} properties`);
  }

  const env = {
    DATABASE_URL: benchUrl,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    BULLMQ_PREFIX: 'hausakte_bench',
    WEB_DIST_DIR: '/nonexistent-web-dist',
    PHOTO_STORAGE_DIR: join(tmpdir(), 'hausakte-bench-photos'),
  };
  const config = loadConfig({ ...process.env, ...env });
  const { extra } = databaseOptions(config, 'hausakte-bench-raw') as {
    extra: { options?: string };
  };
  const raw = new Pool({
    connectionString: benchUrl,
    max: options.clients,
    options: extra.options,
    application_name: 'hausakte-bench-raw',
  });
  let app: RunningServer | null = null;
  try {
    app = await startServer(
      options.profile ? 'bench/app-server-profiled.ts' : 'bench/app-server.ts',
      env,
    );
    const appBase = `http://127.0.0.1:${app.info.port}`;
    const login = await fetch(`${appBase}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: app.info.email, password: app.info.password }),
    });
    if (login.status !== 200)
      throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };

    const facts = await readFacts(raw, String(app.info.email));
    if (facts.catalogue.length < options.findings)
      throw new Error(`the catalogue has fewer than ${options.findings} entries`);
    const catalogue = facts.catalogue.slice(0, options.findings);
    const agent = new Agent({ keepAlive: true, maxSockets: options.clients });

    /** `seconds`: stop starting new completions after that long (null: complete all `count`). */
    const deadlineAfter = (seconds: number | null) =>
      seconds === null ? null : Date.now() + seconds * 1000;
    const appRun = async (count: number, seconds: number | null) => {
      const planned = await planInspections(raw, facts, count);
      const deadline = deadlineAfter(seconds);
      return drive(planned, options.clients, deadline, async (inspection) => {
        const body = completionBody(inspection, catalogue, options.findings);
        const { status, text } = await postJson(
          agent,
          `${appBase}/api/v1/inspections/${inspection.id}/complete`,
          {
            authorization: `Bearer ${token}`,
            'idempotency-key': `bench-${randomUUID()}`,
          },
          body,
        );
        if (status !== 200) throw new Error(`app: ${status} ${text.slice(0, 500)}`);
      });
    };
    const rawRun = async (count: number, seconds: number | null) => {
      const planned = await planInspections(raw, facts, count);
      const deadline = deadlineAfter(seconds);
      const clients: PoolClient[] = [];
      try {
        for (let i = 0; i < options.clients; i++) clients.push(await raw.connect());
        // Each worker keeps its own connection, like a pool that is never short.
        return await drive(planned, options.clients, deadline, (inspection, worker) =>
          rawComplete(clients[worker], inspection, facts.userId, catalogue, options.findings),
        );
      } finally {
        for (const client of clients) client.release();
      }
    };

    // Diagnostic (--profile): the raw script sending the app's statements one by one.
    const chattyRun = async (count: number, seconds: number | null) => {
      const planned = await planInspections(raw, facts, count);
      const deadline = deadlineAfter(seconds);
      const clients: PoolClient[] = [];
      try {
        for (let i = 0; i < options.clients; i++) clients.push(await raw.connect());
        return await drive(planned, options.clients, deadline, (inspection, worker) =>
          chattyComplete(
            clients[worker],
            inspection,
            facts.userId,
            token,
            catalogue,
            options.findings,
          ),
        );
      } finally {
        for (const client of clients) client.release();
      }
    };

    console.log(`bench: warm-up: ${WARMUP} completions each`);
    let appRate = (await appRun(WARMUP, null)).perSecond;
    let rawRate = (await rawRun(WARMUP, null)).perSecond;
    let chattyRate = options.profile ? (await chattyRun(WARMUP, null)).perSecond : 0;
    const chattyResults: RunResult[] = [];
    const profileBase = `http://127.0.0.1:${String(app.info.profilePort)}`;
    if (options.profile) await fetch(profileBase, { method: 'POST' });
    const cpu = {
      app: { client: 0, postgres: 0, n: 0 },
      raw: { client: 0, postgres: 0, n: 0 },
      chatty: { client: 0, postgres: 0, n: 0 },
    };
    /** CPU of this process and, when profiling, of the side's PostgreSQL backends, per completion. */
    const measured = async (side: 'app' | 'raw' | 'chatty', run: () => Promise<RunResult>) => {
      const name = side === 'app' ? 'hausakte' : 'hausakte-bench-raw';
      const before = options.profile ? await backendTicks(raw, name) : new Map<number, number>();
      const client = process.cpuUsage();
      const result = await run();
      const used = process.cpuUsage(client);
      cpu[side].client += (used.user + used.system) / 1000;
      cpu[side].n += result.completions;
      if (options.profile) {
        const after = await backendTicks(raw, name);
        for (const [pid, ticks] of after)
          cpu[side].postgres += ((ticks - (before.get(pid) ?? 0)) * 1000) / CLOCK_TICKS;
      }
      return result;
    };

    const sized = (rate: number) =>
      options.inspections || Math.max(300, Math.ceil(rate * options.durationS * 2.5));
    const runSeconds = options.inspections ? null : options.durationS;
    const results: { app: RunResult[]; raw: RunResult[] } = { app: [], raw: [] };
    for (let r = 1; r <= options.runs; r++) {
      const appResult = await measured('app', () => appRun(sized(appRate), runSeconds));
      appRate = appResult.perSecond;
      results.app.push(appResult);
      console.log(
        `bench: run ${r} app: ${appResult.completions} in ${appResult.seconds.toFixed(1)} s, ` +
          `${appResult.perSecond.toFixed(1)}/s, p50 ${appResult.p50} ms, p99 ${appResult.p99} ms`,
      );
      const rawResult = await measured('raw', () => rawRun(sized(rawRate), runSeconds));
      rawRate = rawResult.perSecond;
      results.raw.push(rawResult);
      console.log(
        `bench: run ${r} raw: ${rawResult.completions} in ${rawResult.seconds.toFixed(1)} s, ` +
          `${rawResult.perSecond.toFixed(1)}/s, p50 ${rawResult.p50} ms, p99 ${rawResult.p99} ms`,
      );
      if (options.profile) {
        const result = await measured('chatty', () => chattyRun(sized(chattyRate), runSeconds));
        chattyRate = result.perSecond;
        chattyResults.push(result);
        console.log(
          `bench: run ${r} raw with the app's statements: ${result.completions} in ` +
            `${result.seconds.toFixed(1)} s, ${result.perSecond.toFixed(1)}/s, p50 ${result.p50} ms`,
        );
      }
    }
    await compareWrites(
      raw,
      {
        app: results.app.flatMap((r) => r.completed).slice(-50),
        raw: results.raw.flatMap((r) => r.completed).slice(-50),
      },
      options.findings,
    );

    const rows: Array<Array<string | number>> = results.app.map((a, i) => {
      const w = results.raw[i];
      return [
        i + 1,
        a.perSecond.toFixed(1),
        a.p50,
        a.p99,
        w.perSecond.toFixed(1),
        w.p50,
        w.p99,
        (a.perSecond / w.perSecond).toFixed(2),
      ];
    });
    const m = (name: 'app' | 'raw', key: 'perSecond' | 'p50' | 'p99') =>
      median(results[name].map((x) => x[key]));
    const ratio = m('app', 'perSecond') / m('raw', 'perSecond');
    rows.push([
      'median',
      m('app', 'perSecond').toFixed(1),
      m('app', 'p50'),
      m('app', 'p99'),
      m('raw', 'perSecond').toFixed(1),
      m('raw', 'p50'),
      m('raw', 'p99'),
      ratio.toFixed(2),
    ]);
    const postgres = await raw.query<{ v: string }>(`SELECT split_part(version(), ' on ', 1) AS v`);
    console.log('');
    console.log(
      `inspection-complete: ${options.findings} findings per inspection, ${options.clients} concurrent ` +
        `clients / connections, ~${options.durationS} s per run, ${options.runs} alternating runs`,
    );
    console.log(
      table(
        [
          'run',
          'app compl/s',
          'app p50 ms',
          'app p99 ms',
          'raw compl/s',
          'raw p50 ms',
          'raw p99 ms',
          'app/raw',
        ],
        rows,
      ),
    );
    console.log('');
    console.log(`app/raw (median completions/s): ${ratio.toFixed(2)}× (target ≥ 0.5×)`);
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
        `Node ${process.version}, ${postgres.rows[0].v}; date ${new Date().toISOString().slice(0, 10)}; ` +
        `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
    );
    console.log('markdown row for docs/benchmarks.md:');
    console.log(
      `| \`POST /api/v1/inspections/:id/complete\` with ${options.findings} findings and an Idempotency-Key, ${options.clients} concurrent clients ` +
        `| ${m('app', 'perSecond').toFixed(1)} completions/s, p50 ${m('app', 'p50')} ms, p99 ${m('app', 'p99')} ms ` +
        `| ${m('raw', 'perSecond').toFixed(1)} completions/s, p50 ${m('raw', 'p50')} ms, p99 ${m('raw', 'p99')} ms ` +
        `| **${ratio.toFixed(2)}×** | \`npm run bench -- inspection-complete\` |`,
    );
    const perCompletion = (side: 'app' | 'raw' | 'chatty', key: 'client' | 'postgres') =>
      (cpu[side][key] / Math.max(1, cpu[side].n)).toFixed(2);
    console.log(
      `CPU per completion in the bench process (HTTP load generator / raw script): ` +
        `app ${perCompletion('app', 'client')} ms, raw ${perCompletion('raw', 'client')} ms` +
        (options.profile
          ? `; in PostgreSQL backends: app ${perCompletion('app', 'postgres')} ms, raw ${perCompletion('raw', 'postgres')} ms`
          : ''),
    );
    if (options.profile) {
      console.log(
        `diagnostic: the raw script sending the app's ${CHATTY_STATEMENTS} statements one by one ` +
          `(no framework, no ORM): median ${median(chattyResults.map((x) => x.perSecond)).toFixed(1)} ` +
          `completions/s, p50 ${median(chattyResults.map((x) => x.p50))} ms; CPU per completion: ` +
          `script ${perCompletion('chatty', 'client')} ms, PostgreSQL ${perCompletion('chatty', 'postgres')} ms`,
      );
      const profile: unknown = await fetch(profileBase).then((r) => r.json());
      console.log('');
      console.log('profile of the app process (measured runs):');
      console.log(JSON.stringify(profile, null, 2));
    }
  } finally {
    await app?.stop();
    await raw.end();
  }
}

interface Facts {
  userId: string;
  catalogue: CatalogueRow[];
  /** One unit of each property (null where it has none), by property id. */
  units: Map<string, string | null>;
}

async function readFacts(pool: Pool, email: string): Promise<Facts> {
  const user = await pool.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
  const catalogue = await pool.query<CatalogueRow>(
    `SELECT DISTINCT ON (code) id, code, version, legal_ground, title_de, title_en, severity
       FROM catalogue_items WHERE NOT retired ORDER BY code, version DESC`,
  );
  const units = await pool.query<{ property_id: string; unit_id: string | null }>(
    `SELECT p.id AS property_id,
            (SELECT u.id FROM units u WHERE u.property_id = p.id ORDER BY u.id LIMIT 1) AS unit_id
       FROM properties p`,
  );
  return {
    userId: user.rows[0].id,
    catalogue: catalogue.rows,
    units: new Map(units.rows.map((row) => [row.property_id, row.unit_id])),
  };
}

/** `count` planned inspections for the bench user, round the properties; set-based. */
async function planInspections(pool: Pool, facts: Facts, count: number): Promise<Planned[]> {
  const { rows } = await pool.query<{ id: string; property_id: string }>(
    `WITH props AS (SELECT id, row_number() OVER (ORDER BY random()) - 1 AS k, count(*) OVER () AS total
                      FROM properties),
          planned AS (
            INSERT INTO inspections (property_id, kind, status, scheduled_at, reason, planned_by)
            SELECT props.id, 'initial', 'planned', now() - interval '1 hour', 'Benchmark', $2
              FROM generate_series(0, $1 - 1) g JOIN props ON props.k = g % props.total
            RETURNING id, property_id)
     SELECT id, property_id FROM planned`,
    [count, facts.userId],
  );
  await pool.query(
    `INSERT INTO inspection_inspectors (inspection_id, user_id) SELECT unnest($1::uuid[]), $2`,
    [rows.map((row) => row.id), facts.userId],
  );
  await pool.query('ANALYZE inspections, inspection_inspectors');
  return rows.map((row) => ({
    id: row.id,
    propertyId: row.property_id,
    unitId: facts.units.get(row.property_id) ?? null,
  }));
}

/**
 * Runs `work` over the items with `concurrency` workers until they are all done or the deadline
 * passes (no new item is started after it); completions per second and latency percentiles.
 */
async function drive(
  items: Planned[],
  concurrency: number,
  deadline: number | null,
  work: (item: Planned, worker: number) => Promise<void>,
): Promise<RunResult> {
  const latencies: number[] = [];
  const completed: string[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < items.length && (deadline === null || Date.now() < deadline)) {
        const item = items[next++];
        const t0 = process.hrtime.bigint();
        await work(item, worker);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        completed.push(item.id);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]);
  return {
    completed,
    completions: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: pct(0.5),
    p99: pct(0.99),
  };
}

function postJson(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * The baseline: the rows the app's completion writes (InspectionCompletionService.recordDone, the
 * IdempotencyInterceptor, AuditTrail, Outbox), in one transaction, one statement per table: lock
 * the inspection, update it, insert the findings, the audit rows (the inspection's and one per
 * finding), the outbox event and the idempotency key with the answer. No validation, no reads
 * of units or catalogue, no re-read of the result.
 */
async function rawComplete(
  client: PoolClient,
  inspection: Planned,
  userId: string,
  catalogue: CatalogueRow[],
  findings: number,
): Promise<void> {
  const body = completionBody(inspection, catalogue, findings);
  const completedAt = new Date();
  const byId = new Map(catalogue.map((item) => [item.id, item]));
  await client.query('BEGIN');
  try {
    const locked = await client.query<{ status: string; version: number }>(
      'SELECT status, version FROM inspections WHERE id = $1 FOR UPDATE',
      [inspection.id],
    );
    if (locked.rows[0]?.status !== 'planned') throw new Error(`raw: ${inspection.id} not planned`);
    await client.query(
      `UPDATE inspections SET status = 'done', completed_at = $2, completed_by = $3, notes = $4,
              completion_hash = $5, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        inspection.id,
        completedAt,
        userId,
        body.notes,
        requestHash({ ...body, occupancy: [], checks: [] }),
      ],
    );
    const f = body.findings;
    await client.query(
      `INSERT INTO defects (id, property_id, inspection_id, unit_id, room, catalogue_item_id,
                            severity, severity_reason, description, position, status, created_by)
       SELECT t.id, $1, $2, t.unit_id, t.room, t.catalogue_item_id, t.severity, NULL, t.description,
              NULL, 'open', $3
         FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::uuid[], $8::text[], $9::text[])
           AS t(id, unit_id, room, catalogue_item_id, severity, description)`,
      [
        inspection.propertyId,
        inspection.id,
        userId,
        f.map((x) => x.id),
        f.map((x) => x.unitId),
        f.map((x) => x.room),
        f.map((x) => x.catalogueItemId),
        f.map((x) => byId.get(x.catalogueItemId)!.severity),
        f.map((x) => x.description),
      ],
    );
    const audits = [
      {
        action: 'inspection.completed',
        type: 'inspection',
        id: inspection.id,
        after: {
          completedAt: completedAt.toISOString(),
          findingIds: f.map((x) => x.id),
          occupancyUnitIds: [],
          checks: [],
        },
      },
      ...f.map((x) => ({
        action: 'defect.recorded',
        type: 'defect',
        id: x.id,
        after: {
          inspectionId: inspection.id,
          catalogueItemId: x.catalogueItemId,
          unitId: x.unitId,
          room: x.room,
          severity: byId.get(x.catalogueItemId)!.severity,
          severityReason: null,
          description: x.description,
          status: 'open',
        },
      })),
    ];
    await client.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, correlation_id)
       SELECT $1, t.action, t.type, t.id, NULL, t.after, $2
         FROM unnest($3::text[], $4::text[], $5::text[], $6::jsonb[]) AS t(action, type, id, after)`,
      [
        userId,
        `bench-${randomUUID()}`,
        audits.map((a) => a.action),
        audits.map((a) => a.type),
        audits.map((a) => a.id),
        audits.map((a) => JSON.stringify(a.after)),
      ],
    );
    await client.query(`INSERT INTO outbox (job_name, job_id, payload) VALUES ($1, $2, $3)`, [
      'inspection-completed',
      `inspection-completed-${inspection.id}`,
      JSON.stringify({ inspectionId: inspection.id, propertyId: inspection.propertyId }),
    ]);
    // The answer the key replays: the recorded inspection with its findings, as built in memory.
    const answer = {
      id: inspection.id,
      propertyId: inspection.propertyId,
      kind: 'initial',
      status: 'done',
      completedAt: completedAt.toISOString(),
      notes: body.notes,
      version: locked.rows[0].version + 1,
      findings: f.map((x) => {
        const item = byId.get(x.catalogueItemId)!;
        return {
          id: x.id,
          propertyId: inspection.propertyId,
          inspectionId: inspection.id,
          unitId: x.unitId,
          room: x.room,
          catalogueItem: {
            id: item.id,
            code: item.code,
            version: item.version,
            legalGround: item.legal_ground,
            title: { de: item.title_de, en: item.title_en },
            severity: item.severity,
          },
          severity: item.severity,
          severityReason: null,
          description: x.description,
          position: null,
          status: 'open',
          statusChangedAt: completedAt.toISOString(),
          photoCount: 0,
          createdAt: completedAt.toISOString(),
          version: 1,
        };
      }),
      occupancy: [],
      checks: [],
      revisitInspectionId: null,
      openDefects: [],
    };
    await client.query(
      `INSERT INTO idempotency_keys (user_id, route, key, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, $4, 200, $5)`,
      [
        userId,
        `POST /api/v1/inspections/${inspection.id}/complete`,
        `bench-${randomUUID()}`,
        requestHash(body),
        JSON.stringify(answer),
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** How many statements chattyComplete sends per completion, as the app did when profiled. */
const CHATTY_STATEMENTS = 32;

/**
 * Diagnostic only: the statements the app sends for one completion (as counted with --profile:
 * the session lookup in two queries, the idempotency lock and lookup, the locked inspection, its
 * units, the catalogue versions and retired codes, the locked findings, the entity reload before
 * the update, the update, the findings, 11 audit rows one by one, the outbox row, the re-read of
 * the result in five queries, the key), one by one, with equivalent SQL but without framework,
 * validation or ORM. Its throughput against the app's tells round trips and database work from
 * the app's own CPU.
 */
async function chattyComplete(
  client: PoolClient,
  inspection: Planned,
  userId: string,
  token: string,
  catalogue: CatalogueRow[],
  findings: number,
): Promise<void> {
  const body = completionBody(inspection, catalogue, findings);
  const f = body.findings;
  const byId = new Map(catalogue.map((item) => [item.id, item]));
  const tokenHash = createHash('sha256').update(token).digest('hex');
  const route = `POST /api/v1/inspections/${inspection.id}/complete`;
  const key = `bench-${randomUUID()}`;
  const session = `FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`;
  await client.query(`SELECT DISTINCT s.id ${session} LIMIT 1`, [tokenHash]);
  await client.query(`SELECT s.*, u.* ${session}`, [tokenHash]);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [
      `idempotency|${userId}|${route}|${key}`,
    ]);
    await client.query(
      'SELECT * FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3 LIMIT 1',
      [userId, route, key],
    );
    await client.query('SELECT * FROM inspections WHERE id = $1 FOR UPDATE', [inspection.id]);
    await client.query('SELECT id, label, area_m2 FROM units WHERE property_id = $1', [
      inspection.propertyId,
    ]);
    const ids = [...new Set(f.map((x) => x.catalogueItemId))];
    await client.query('SELECT * FROM catalogue_items WHERE id = ANY($1::uuid[])', [ids]);
    await client.query(
      `SELECT code FROM (SELECT DISTINCT ON (code) code, retired FROM catalogue_items
                          WHERE code = ANY($1::text[]) ORDER BY code, version DESC) newest WHERE retired`,
      [ids.map((id) => byId.get(id)!.code)],
    );
    await client.query('SELECT * FROM defects WHERE id = ANY($1::uuid[]) FOR UPDATE', [
      f.map((x) => x.id),
    ]);
    await client.query('SELECT * FROM inspections WHERE id = $1', [inspection.id]);
    await client.query(
      `UPDATE inspections SET status = 'done', completed_at = now(), completed_by = $2, notes = $3,
              completion_hash = $4, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = 1`,
      [inspection.id, userId, body.notes, requestHash({ ...body, occupancy: [], checks: [] })],
    );
    await client.query(
      `INSERT INTO defects (id, property_id, inspection_id, unit_id, room, catalogue_item_id,
                            severity, description, status, created_by)
       SELECT t.id, $1, $2, t.unit_id, t.room, t.catalogue_item_id, t.severity, t.description, 'open', $3
         FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::uuid[], $8::text[], $9::text[])
           AS t(id, unit_id, room, catalogue_item_id, severity, description)
       RETURNING version, status_changed_at, created_at, updated_at`,
      [
        inspection.propertyId,
        inspection.id,
        userId,
        f.map((x) => x.id),
        f.map((x) => x.unitId),
        f.map((x) => x.room),
        f.map((x) => x.catalogueItemId),
        f.map((x) => byId.get(x.catalogueItemId)!.severity),
        f.map((x) => x.description),
      ],
    );
    const audit = `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, correlation_id)
                   VALUES ($1, $2, $3, $4, NULL, $5, $6) RETURNING id, occurred_at`;
    const correlation = `bench-${randomUUID()}`;
    await client.query(audit, [
      userId,
      'inspection.completed',
      'inspection',
      inspection.id,
      JSON.stringify({ findingIds: f.map((x) => x.id), occupancyUnitIds: [], checks: [] }),
      correlation,
    ]);
    for (const x of f) {
      await client.query(audit, [
        userId,
        'defect.recorded',
        'defect',
        x.id,
        JSON.stringify({ inspectionId: inspection.id, ...x, status: 'open' }),
        correlation,
      ]);
    }
    await client.query(
      `INSERT INTO outbox (job_name, job_id, payload) VALUES ($1, $2, $3) RETURNING id, created_at`,
      [
        'inspection-completed',
        `inspection-completed-${inspection.id}`,
        JSON.stringify({ inspectionId: inspection.id, propertyId: inspection.propertyId }),
      ],
    );
    const view = await client.query(
      `SELECT i.*, ST_AsGeoJSON(p.location)::json AS location,
              a.street || ' ' || a.house_number || ', ' || a.postcode || ' ' || a.city AS address,
              COALESCE((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name))
                          FROM inspection_inspectors ii JOIN users u ON u.id = ii.user_id
                         WHERE ii.inspection_id = i.id), '[]'::json) AS inspectors,
              cb.display_name AS completed_by_name
         FROM inspections i JOIN properties p ON p.id = i.property_id
         LEFT JOIN property_addresses a ON a.property_id = p.id AND a.is_primary
         LEFT JOIN users cb ON cb.id = i.completed_by
        WHERE i.id = $1`,
      [inspection.id],
    );
    const defects = await client.query(
      `SELECT d.*, u.label AS unit_label, ST_AsGeoJSON(d.position)::json AS position_json,
              c.code, c.version AS catalogue_version, c.legal_ground, c.title_de, c.title_en,
              c.severity AS catalogue_severity,
              (SELECT count(*) FROM photos ph WHERE ph.defect_id = d.id)::int AS photo_count
         FROM defects d JOIN catalogue_items c ON c.id = d.catalogue_item_id
         LEFT JOIN units u ON u.id = d.unit_id
        WHERE d.inspection_id = $1 ORDER BY d.created_at, d.id`,
      [inspection.id],
    );
    await client.query('SELECT * FROM unit_occupancies WHERE inspection_id = $1 ORDER BY unit_id', [
      inspection.id,
    ]);
    await client.query('SELECT * FROM defect_checks WHERE inspection_id = $1 ORDER BY defect_id', [
      inspection.id,
    ]);
    await client.query(
      'SELECT id FROM inspections WHERE follows_inspection_id = $1 ORDER BY created_at LIMIT 1',
      [inspection.id],
    );
    await client.query(
      `INSERT INTO idempotency_keys (user_id, route, key, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, $4, 200, $5)`,
      [
        userId,
        route,
        key,
        requestHash(body),
        JSON.stringify({ ...view.rows[0], findings: defects.rows }),
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Both sides must write the same rows per completion, or the comparison says nothing. */
async function compareWrites(
  pool: Pool,
  samples: { app: string[]; raw: string[] },
  findings: number,
): Promise<void> {
  const sides: Record<string, string> = {};
  for (const [name, ids] of Object.entries(samples)) {
    const { rows } = await pool.query<Record<string, string>>(
      `WITH done AS (SELECT unnest($1::uuid[]) AS id)
       SELECT (SELECT count(*) FROM defects d WHERE d.inspection_id IN (SELECT id FROM done)) AS defects,
              (SELECT count(*) FROM audit_log a WHERE a.entity_type = 'inspection'
                  AND a.entity_id IN (SELECT id::text FROM done))
              + (SELECT count(*) FROM audit_log a JOIN defects d ON a.entity_type = 'defect'
                  AND a.entity_id = d.id::text WHERE d.inspection_id IN (SELECT id FROM done)) AS audit,
              (SELECT count(*) FROM outbox o
                WHERE o.job_id IN (SELECT 'inspection-completed-' || id FROM done)) AS outbox,
              (SELECT count(*) FROM idempotency_keys k
                WHERE k.route IN (SELECT 'POST /api/v1/inspections/' || id || '/complete' FROM done)) AS keys,
              (SELECT count(*) FROM inspections i
                WHERE i.id IN (SELECT id FROM done) AND i.status = 'done' AND i.version = 2
                  AND i.completion_hash IS NOT NULL) AS updated`,
      [ids],
    );
    const r = rows[0];
    const per = (key: string) => Number(r[key]) / ids.length;
    sides[name] =
      `${per('defects')} defects, ${per('audit')} audit rows, ${per('outbox')} outbox row, ` +
      `${per('keys')} idempotency key, ${per('updated')} inspection updated`;
  }
  console.log(`bench: rows written per completion: app ${sides.app}; raw ${sides.raw}`);
  if (sides.app !== sides.raw) throw new Error('the app and the raw script write different rows');
  if (!sides.app.startsWith(`${findings} defects, ${findings + 1} audit rows`))
    throw new Error(`unexpected rows per completion: ${sides.app}`);
}

/** User + system CPU ticks of the PostgreSQL backends of one application (same machine only). */
async function backendTicks(pool: Pool, applicationName: string): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
    [applicationName],
  );
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // not on this machine, or gone
    }
  }
  return ticks;
}
