import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { databaseOptions, loadConfig } from '@hausakte/platform';
import { propertyListQuery, propertySummaryOf, PropertySummaryRow } from '@hausakte/properties';

/**
 * The baseline: `GET /api/v1/properties?bbox=…&limit=…&offset=…` on bare node:http and a pg Pool
 * of the app's size and session options, doing the same database work as the app: one indexed
 * session lookup by the token's SHA-256 (as SessionRepository.findLive), then the very list
 * statement the app runs (propertyListQuery from @hausakte/properties), mapped to the same JSON.
 * No framework, validation, logging, security headers or error rendering.
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
const READ_REGISTER = new Set(['inspector', 'officer', 'manager']);

const SESSION_SQL = `
  SELECT s.id, u.id AS user_id, u.role
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active
   LIMIT 1`;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function bboxOf(value: string | null) {
  if (value === null) return undefined;
  const parts = value.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [minLon, minLat, maxLon, maxLat] = parts;
  return { minLon, minLat, maxLon, maxLat };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://raw');
  if (req.method !== 'GET' || url.pathname !== '/api/v1/properties')
    return send(res, 404, { title: 'Not Found' });
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token) return send(res, 401, { title: 'Sign in first.' });
  const session = await pool.query<{ role: string }>(SESSION_SQL, [
    createHash('sha256').update(token).digest('hex'),
    new Date(),
  ]);
  if (!session.rowCount) return send(res, 401, { title: 'Sign in first.' });
  if (!READ_REGISTER.has(session.rows[0].role)) return send(res, 403, { title: 'Forbidden' });

  const bbox = bboxOf(url.searchParams.get('bbox'));
  if (bbox === null) return send(res, 400, { title: 'bbox must be minLon,minLat,maxLon,maxLat' });
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const { sql, params } = propertyListQuery({ bbox, limit, offset });
  const { rows } = await pool.query<PropertySummaryRow>(sql, params);
  const items = rows.map((row) => propertySummaryOf(row));
  send(res, 200, { items, total: rows.length ? Number(rows[0].total) : 0 });
}

let stopping = false;
const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    if (stopping) return; // a request the load generator left in flight at the end
    console.error(error);
    if (!res.headersSent) send(res, 500, { title: 'Internal Server Error' });
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
