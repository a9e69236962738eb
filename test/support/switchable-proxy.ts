// A small HTTP proxy between the browser and the test api, for the field app's offline tests.
// `setOnline(false)` closes the listening socket and destroys every open connection, so the
// browser (its pages and its service worker alike) gets "connection refused": the api cannot be
// reached at all, which the browser's offline switch alone does not achieve for a service worker.
// The proxy counts what it forwards and keeps a log of tus PATCH requests (their Upload-Offset and
// the bytes that actually went through), and can cut one PATCH after a number of bytes.
import { request as httpRequest, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ForwardedRequest {
  method: string;
  path: string;
  status: number | null;
  headers: Record<string, string | string[] | undefined>;
}

export interface TusRequestLog {
  method: 'HEAD' | 'PATCH' | 'POST';
  path: string;
  /** The request's Upload-Offset (PATCH), or the answer's (HEAD). */
  uploadOffset: number | null;
  /** Body bytes the proxy forwarded to the api. */
  bytesForwarded: number;
  /** Body bytes the request announced (Content-Length). */
  contentLength: number | null;
  status: number | null;
  cut: boolean;
}

export interface SwitchableProxy {
  /** `http://127.0.0.1:<port>`: a secure context for service workers, like localhost. */
  readonly url: string;
  readonly online: boolean;
  /** Every request forwarded to the api, in order. */
  readonly forwarded: readonly ForwardedRequest[];
  /** tus requests (POST, HEAD, PATCH under /api/v1/uploads/photos), in order. */
  readonly tusLog: readonly TusRequestLog[];
  setOnline(online: boolean): Promise<void>;
  /** The next tus PATCH is cut (both connections destroyed) after `bytes` body bytes. */
  cutNextPatchAfter(bytes: number): void;
  close(): Promise<void>;
}

const TUS_PATH = /^\/api\/v1\/uploads\/photos(\/|$)/;

export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const upstream = new URL(target);
  const forwarded: ForwardedRequest[] = [];
  const tusLog: TusRequestLog[] = [];
  const sockets = new Set<Socket>();
  let online = true;
  let cutAfter: number | null = null;

  const busy = new WeakSet<Socket>();
  const server: Server = createServer((incoming, outgoing) => {
    busy.add(incoming.socket);
    outgoing.on('finish', () => busy.delete(incoming.socket));
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    const entry: ForwardedRequest = { method, path, status: null, headers: incoming.headers };
    forwarded.push(entry);
    const isTus =
      TUS_PATH.test(path) && (method === 'PATCH' || method === 'HEAD' || method === 'POST');
    const log: TusRequestLog | undefined = isTus
      ? {
          method,
          path,
          uploadOffset: numberHeader(incoming, 'upload-offset'),
          bytesForwarded: 0,
          contentLength: numberHeader(incoming, 'content-length'),
          status: null,
          cut: false,
        }
      : undefined;
    if (log) tusLog.push(log);
    const cut = log?.method === 'PATCH' && cutAfter !== null ? cutAfter : null;
    if (cut !== null) cutAfter = null;

    const proxied = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method,
        path,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        entry.status = answer.statusCode ?? null;
        if (log) {
          log.status = answer.statusCode ?? null;
          if (log.method === 'HEAD') log.uploadOffset = numberHeader(answer, 'upload-offset');
        }
        // While a cut is armed, no connection is kept alive: Chromium silently re-sends a
        // request that fails on a reused connection, which would hide the client's own resume.
        const headers = cutAfter === null ? answer.rawHeaders : closing(answer.rawHeaders);
        outgoing.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on('error', () => outgoing.destroy());
    incoming.on('aborted', () => proxied.destroy());

    incoming.on('data', (chunk: Buffer) => {
      if (log?.cut) return;
      let part = chunk;
      if (cut !== null && log && log.bytesForwarded + chunk.length >= cut) {
        part = chunk.subarray(0, cut - log.bytesForwarded);
        log.cut = true;
        incoming.pause();
        log.bytesForwarded += part.length;
        // Let the api store what arrived, then break both connections mid-body.
        proxied.write(part, () => {
          setTimeout(() => {
            proxied.destroy();
            incoming.socket.destroy();
          }, 300);
        });
        return;
      }
      if (log) log.bytesForwarded += part.length;
      if (!proxied.write(part)) {
        incoming.pause();
        proxied.once('drain', () => incoming.resume());
      }
    });
    incoming.on('end', () => {
      if (!log?.cut) proxied.end();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  async function stopListening(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    get online() {
      return online;
    },
    forwarded,
    tusLog,
    async setOnline(next: boolean) {
      if (next === online) return;
      online = next;
      if (next) {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
          });
        });
      } else {
        await stopListening();
      }
    },
    cutNextPatchAfter(bytes: number) {
      cutAfter = bytes;
      // The PATCH must come on a new connection (see above): idle ones are closed now.
      for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
    },
    async close() {
      if (online) await stopListening();
      online = false;
    },
  };
}

function closing(rawHeaders: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index].toLowerCase();
    if (name !== 'connection' && name !== 'keep-alive')
      kept.push(rawHeaders[index], rawHeaders[index + 1]);
  }
  return [...kept, 'Connection', 'close'];
}

function numberHeader(
  message: IncomingMessage,
  name: 'upload-offset' | 'content-length',
): number | null {
  const value = message.headers[name];
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}
