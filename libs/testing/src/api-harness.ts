import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteOptions } from 'fastify';
import { createApiApp } from '@hausakte/api';
import { Role, UsersService } from '@hausakte/auth';
import { RequestContext } from '@hausakte/platform';
import { makeUser, UserInput } from './factories';
import { recordServerError } from './server-errors';

/** The web app the tests serve: `npm test` builds it apart from dist/web, which a demo may be serving. */
const TEST_WEB_DIST = process.env.TEST_WEB_DIST_DIR ?? 'dist/web';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  role: Role;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed or oversized bodies). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export interface TestResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestApi {
  baseUrl: string;
  app: NestFastifyApplication;
  /** Every route Fastify registered, as `METHOD url`. */
  routes: Array<{ method: string; url: string }>;
  createUser(input: UserInput): Promise<TestUser>;
  /** Creates a user of the role and signs in; returns the user and a bearer token. */
  signIn(role: Role): Promise<TestUser & { token: string }>;
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/**
 * Starts the real api (Fastify, PostGIS, Redis) on a free port, against this worker's own test
 * database. Counts every 5xx it sends.
 */
export async function startTestApi(options: { serveWeb?: boolean } = {}): Promise<TestApi> {
  process.env.WEB_DIST_DIR = options.serveWeb ? TEST_WEB_DIST : '/nonexistent-web-dist';
  const routes: TestApi['routes'] = [];
  const app = await createApiApp({
    onRoute: (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) routes.push({ method: String(method), url: route.url });
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      if (reply.statusCode >= 500)
        recordServerError(`${reply.statusCode} ${request.method} ${request.url}`);
    });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('api did not bind a port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const createUser = async (input: UserInput): Promise<TestUser> => {
    const wanted = makeUser(input);
    const user = await app
      .get(RequestContext)
      .run(null, () => app.get(UsersService).create(wanted));
    return {
      id: user.id,
      email: user.email,
      password: wanted.password,
      displayName: user.displayName,
      role: user.role,
    };
  };

  const request = async <T>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<TestResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Buffer | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };

  const signIn = async (role: Role) => {
    const user = await createUser({ role });
    const response = await request<{ token: string }>('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
    });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
    return { ...user, token: response.body.token };
  };

  return { baseUrl, app, routes, createUser, signIn, request, close: () => app.close() };
}
