import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  AppConfig,
  createValidationPipe,
  FieldErrorDto,
  loadConfig,
  PageFallback,
  ProblemDto,
  ProblemFilter,
} from '@hausakte/platform';
import { ApiModule } from './api.module';

export const API_PREFIX = 'api/v1';
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface ApiAppOptions {
  /** Called for every route as Fastify registers it (the role-matrix test lists them this way). */
  onRoute?: (route: RouteOptions) => void;
}

/**
 * Builds the api: Fastify with limits, cookies and security headers, the global prefix, the
 * validation pipe and problem filter, OpenAPI at /api/docs, and the web app's files at /.
 */
export async function createApiApp(options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const config = loadConfig(process.env);
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const fastify = adapter.getInstance();
  if (options.onRoute) fastify.addHook('onRoute', options.onRoute);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The basemap's tile server, when one is configured, is the only other source.
        imgSrc: [
          "'self'",
          'data:',
          'blob:',
          ...(config.MAP_TILE_URL ? [tileOrigin(config.MAP_TILE_URL)] : []),
        ],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });

  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'app-config.js'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter(await serveWebApp(app, config)));
  setUpOpenApi(app);
  return app;
}

/** Serves the built web app; a GET for a page the client routes itself gets index.html. */
async function serveWebApp(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<PageFallback | undefined> {
  const root = resolve(config.WEB_DIST_DIR);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    app.get(Logger).warn(`No web app at ${root}; run "npm run build:web" to serve it`);
    return undefined;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: true, index: 'index.html' });
  const indexHtml = readFileSync(indexFile);
  return (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    const isPage =
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.startsWith('/health/') &&
      !/\.[a-z0-9]+$/i.test(path);
    if (!isPage) return false;
    void reply
      .status(200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml);
    return true;
  };
}

/** `https://{s}.tile.example.org/{z}/{x}/{y}.png` → `https://*.tile.example.org`. */
function tileOrigin(template: string): string {
  const host = /^(https?:\/\/[^/]+)/.exec(template)?.[1] ?? '';
  return host.replace(/\{s\}/g, '*');
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hausakte API')
      .setDescription(
        'Housing supervision: properties, inspections, enforcement. Errors are RFC 9457 problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('hausakte_session')
      .build(),
    { extraModels: [ProblemDto, FieldErrorDto] },
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
