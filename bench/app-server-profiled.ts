import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createApiApp } from '@hausakte/api';
import { UsersService } from '@hausakte/auth';
import { RequestContext } from '@hausakte/platform';

/**
 * bench/app-server.ts with instruments, for `npm run bench -- inspection-complete --profile`:
 * every query the app sends through `pg` is timed (from the call to its answer, so waiting for
 * PostgreSQL and its CPU included) and counted by statement; the process's CPU time and event-loop
 * utilisation are taken; a CPU profile (V8's sampling profiler) is summarised by package and by
 * function. A second small HTTP server (its port reported as `profilePort`) answers
 * `POST /reset` (start a window) and `GET /` (the figures since). The numbers cost a little
 * throughput themselves; compare them with each other, not with the unprofiled run.
 */
interface QueryStat {
  count: number;
  ms: number;
}
const queries = new Map<string, QueryStat>();
let completions = 0;

/** The statement without its parameters and spacing, cut to a readable length. */
function signature(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\$\d+/g, '?').trim().slice(0, 110);
}

function record(text: string, started: number): void {
  const key = signature(text);
  const stat = queries.get(key) ?? { count: 0, ms: 0 };
  stat.count += 1;
  stat.ms += performance.now() - started;
  queries.set(key, stat);
  if (key.startsWith('INSERT INTO "outbox"')) completions += 1;
}

type QueryFn = (this: Client, ...args: unknown[]) => unknown;
const prototype = Client.prototype as unknown as { query: QueryFn };
const original = prototype.query;
prototype.query = function (this: Client, ...args: unknown[]) {
  const first = args[0];
  const text =
    typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?');
  const started = performance.now();
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    args[args.length - 1] = (...result: unknown[]) => {
      record(text, started);
      return (last as (...r: unknown[]) => unknown)(...result);
    };
    return original.apply(this, args);
  }
  const result = original.apply(this, args);
  if (result instanceof Promise) {
    return result.finally(() => record(text, started));
  }
  return result;
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Which package or part of the app a function belongs to. */
function area(url: string): string {
  if (!url) return '(native / GC / idle)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const own = /\/(libs\/[^/]+|apps\/[^/]+)\//.exec(url);
  if (own) return own[1];
  if (url.startsWith('node:')) return 'node core';
  return url.replace(/^.*\//, '');
}

function summarise(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): {
  byArea: Record<string, number>;
  topFunctions: Record<string, number>;
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) =>
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)),
  );
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    const where = area(url);
    areas.set(where, (areas.get(where) ?? 0) + us);
    const name = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const ms = (entries: Map<string, number>, take: number) =>
    Object.fromEntries(
      [...entries]
        .sort((a, b) => b[1] - a[1])
        .slice(0, take)
        .map(([key, us]) => [key, Math.round(us / 1000)]),
    );
  return { byArea: ms(areas, 25), topFunctions: ms(functions, 30) };
}

async function main(): Promise<void> {
  const app = await createApiApp();
  const email = `bench-${randomBytes(4).toString('hex')}@herne.example`;
  const password = randomBytes(18).toString('base64url');
  await app
    .get(RequestContext)
    .run(null, () =>
      app
        .get(UsersService)
        .create({ email, displayName: 'Benchmark', role: 'inspector', password }),
    );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;

  const inspector = new Session();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
  let window = {
    cpu: process.cpuUsage(),
    elu: performance.eventLoopUtilization(),
    started: performance.now(),
  };
  let profiling = false;

  const control = createServer((req, res) => {
    void (async () => {
      if (req.method === 'POST') {
        queries.clear();
        completions = 0;
        if (profiling) await inspector.post('Profiler.stop');
        await inspector.post('Profiler.start');
        profiling = true;
        window = {
          cpu: process.cpuUsage(),
          elu: performance.eventLoopUtilization(),
          started: performance.now(),
        };
        res.end('{}');
        return;
      }
      const cpu = process.cpuUsage(window.cpu);
      const elu = performance.eventLoopUtilization(window.elu);
      const { profile } = profiling
        ? await inspector.post('Profiler.stop')
        : { profile: { nodes: [] } };
      profiling = false;
      const per = (value: number) => (completions ? value / completions : 0);
      const totalDbMs = [...queries.values()].reduce((sum, q) => sum + q.ms, 0);
      const totalQueries = [...queries.values()].reduce((sum, q) => sum + q.count, 0);
      const summary = summarise(profile);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          completions,
          seconds: Math.round((performance.now() - window.started) / 100) / 10,
          perCompletion: {
            queries: Math.round(per(totalQueries) * 10) / 10,
            databaseWaitMs: Math.round(per(totalDbMs) * 10) / 10,
            appCpuMs: Math.round(per((cpu.user + cpu.system) / 1000) * 10) / 10,
            appCpuSystemMs: Math.round(per(cpu.system / 1000) * 10) / 10,
          },
          eventLoopUtilisation: Math.round(elu.utilization * 100) / 100,
          queries: Object.fromEntries(
            [...queries]
              .sort((a, b) => b[1].ms - a[1].ms)
              .map(([sql, q]) => [
                sql,
                {
                  perCompletion: Math.round(per(q.count) * 10) / 10,
                  ms: Math.round(per(q.ms) * 100) / 100,
                },
              ]),
          ),
          cpuSelfMsByArea: summary.byArea,
          cpuSelfMsTopFunctions: summary.topFunctions,
        }),
      );
    })();
  });
  control.listen(0, '127.0.0.1', () => {
    const profilePort = (control.address() as AddressInfo).port;
    process.send?.({ port, email, password, profilePort });
  });
  process.once('SIGTERM', () => {
    control.close();
    void app.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
