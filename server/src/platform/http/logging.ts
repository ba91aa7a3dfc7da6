import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Paths that pino blanks in every log line. Personal data never belongs in logs; this list is the safety net
 * for the day someone logs an object they should not.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-xsrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.totp',
  '*.code',
  '*.email',
  '*.names',
  '*.firstName',
  '*.lastName',
  '*.aliases',
  '*.documentNumber',
  '*.phone',
  '*.address',
  '*.shelterLocation',
  '*.birthDate',
  '*.narrative',
  '*.body',
];

/** Gives the request its id (the caller's X-Request-Id when well-formed) and echoes it in the response. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const withId = req as IncomingMessage & { id?: unknown };
  if (typeof withId.id === 'string') return withId.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  withId.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: (req: IncomingMessage, res: ServerResponse) => assignRequestId(req, res),
      // Only the path is logged: query strings could carry search terms.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => !(req.url ?? '').startsWith('/api/') },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
