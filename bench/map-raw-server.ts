import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { isTileInRange, parseMapFilters } from '@hausakte/map/rules';
import { databaseOptions, loadConfig } from '@hausakte/platform';
// The map lib's tile SQL builders (not exported from the lib's index: imported by path).
import { tileSql } from '../libs/map/src/map-tiles.sql';

/**
 * The baseline of `npm run bench -- map`: `GET /api/v1/map/tiles/{z}/{x}/{y}.mvt?<filters>` on
 * bare node:http and a pg Pool of the app's size and session options, doing the database work
 * the app does for a tile it has not cached: one indexed session lookup by the token's SHA-256
 * (as SessionRepository.findLive), the network members of a landlord with `network=true` (the
 * query of LandlordNetworkRepository.networkMemberIds), then the very tile statement the app
 * runs (cellsTileSql / pointsTileSql of lib map, with the lib's own filter parsing). 200 with the
 * tile, 204 when empty. No framework, validation problems, cache, ETag, logging or headers.
 */
const config = loadConfig(process.env);
const { extra } = databaseOptions(config, 'hausakte-bench-raw') as {
  extra: { max: number; options?: string };
};
const pool = new Pool({
  connectionString: config.DATABASE_URL,
  max: extra.max,
  options: extra.options,
  application_name: 'hausakte-bench-raw',
});
/**
 * `BENCH_RAW_SESSION=none` (`--raw-without-session`): no session lookup at all, only the tile's
 * statements: a reference for the api, which keeps checked sessions in memory (ADR 0017).
 */
const CHECK_SESSION = process.env.BENCH_RAW_SESSION !== 'none';
const VIEW_MAP = new Set(['inspector', 'officer', 'manager', 'admin']);

const SESSION_SQL = `
  SELECT s.id, u.id AS user_id, u.role
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active
   LIMIT 1`;

const NETWORK_SQL = `
  SELECT id FROM landlords WHERE id = $1
  UNION
  SELECT m2.landlord_id FROM landlord_network_members m1
    JOIN landlord_network_members m2 USING (network_id)
   WHERE m1.landlord_id = $1`;

const TILE_PATH = /^\/api\/v1\/map\/tiles\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.mvt$/;

function send(res: ServerResponse, status: number, body?: Buffer | string): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, {
    'content-type':
      typeof body === 'string' ? 'application/json' : 'application/vnd.mapbox-vector-tile',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://raw');
  const match = req.method === 'GET' ? TILE_PATH.exec(url.pathname) : null;
  if (!match) return send(res, 404, '{"title":"Not Found"}');
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token) return send(res, 401, '{"title":"Sign in first."}');
  if (CHECK_SESSION) {
    const session = await pool.query<{ role: string }>(SESSION_SQL, [
      createHash('sha256').update(token).digest('hex'),
      new Date(),
    ]);
    if (!session.rowCount) return send(res, 401, '{"title":"Sign in first."}');
    if (!VIEW_MAP.has(session.rows[0].role)) return send(res, 403, '{"title":"Forbidden"}');
  }

  const [z, x, y] = match.slice(1).map(Number);
  if (!isTileInRange(z, x, y)) return send(res, 404, '{"title":"Not Found"}');
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const had = query[name];
    query[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  const parsed = parseMapFilters(query);
  if (!parsed.ok) return send(res, 422, JSON.stringify({ errors: parsed.errors }));
  const filters = parsed.filters;
  let landlordIds: string[] | null = null;
  if (filters.landlord !== null) {
    landlordIds = [filters.landlord];
    if (filters.network) {
      const { rows } = await pool.query<{ id: string }>(NETWORK_SQL, [filters.landlord]);
      landlordIds = [...new Set([filters.landlord, ...rows.map((r) => r.id)])].sort();
    }
  }
  const { sql, params } = tileSql(z, x, y, filters, landlordIds);
  const { rows } = await pool.query<{ tile: Buffer | null }>(sql, params);
  const tile = rows[0]?.tile ?? null;
  if (!tile || tile.length === 0) return send(res, 204);
  send(res, 200, tile);
}

let stopping = false;
const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    if (stopping) return; // a request the load generator left in flight at the end
    console.error(error);
    if (!res.headersSent) send(res, 500, '{"title":"Internal Server Error"}');
  });
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.once('SIGTERM', () => {
  stopping = true;
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
});
