import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** Fastify gives every request an id (ours or the caller's x-request-id); middleware sees it on the raw request. */
export function requestIdOf(req: IncomingMessage): string {
  return (req as IncomingMessage & { id?: string }).id ?? randomUUID();
}

/**
 * One JSON line per request with the correlation id. Nothing personal: no bodies, no query
 * strings (they carry search terms), no cookies or tokens, no client addresses.
 */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: requestIdOf,
      customProps: (req: IncomingMessage) => ({ correlationId: requestIdOf(req) }),
      autoLogging: {
        // Probes poll every few seconds; their lines would drown the real traffic.
        ignore: (req: IncomingMessage & { originalUrl?: string }) =>
          (req.originalUrl ?? req.url ?? '').startsWith('/health/'),
      },
      redact: ['req.headers', 'res.headers'],
      serializers: {
        req: (req: IncomingMessage & { id?: string }) => ({
          method: req.method,
          url: (req.url ?? '').split('?')[0],
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      ...(config.NODE_ENV === 'development' && process.stdout.isTTY
        ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
        : {}),
    },
  }),
});
