import { INestApplication, LoggerService, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { DatabaseUrls, RutaConfig, assignRequestId, sendProblem, createValidationPipe } from '@ruta/platform';

/** Content-Security-Policy strict enough for victim data, loose only where Angular Material needs inline styles. */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: null,
  },
};

/** Nest's own start-up chatter: one line per module, controller and route (about 150 at info level). */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/**
 * The pino logger with Nest's start-up chatter moved to debug level: `npm start` ends with Ruta's own ready line, not
 * ~100 JSON route mappings (LOG_LEVEL=debug shows them again). Everything else goes through unchanged.
 */
export class QuietStartupLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) this.inner.debug?.(message, ...rest);
    else this.inner.log(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.inner.error(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug?.(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.inner.verbose?.(message, ...rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...rest);
  }
}

/** Builds the whole HTTP application (API under /api plus the built client) against a prepared database. */
export async function createApp(config: RutaConfig, urls: DatabaseUrls, options: { logs?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, urls), {
    bodyParser: false,
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
  });
  app.useLogger(new QuietStartupLogger(app.get(Logger)));
  // X-Forwarded-For counts only from the proxies TRUST_PROXY names (none by default): otherwise any client on the
  // same host could pick the address the throttler and the audit trail see.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Victim data must not outlive the request in a shared workstation's browser or a proxy: every API answer (errors and
  // downloads too) is no-store and carries no validator, and no conditional request turns into a 304. The built client,
  // outside /api, keeps its own caching.
  app.set('etag', false);
  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    delete req.headers['if-none-match'];
    delete req.headers['if-modified-since'];
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    next();
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    assignRequestId(req, res);
    next();
  });
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false }));
  // gzip (or brotli) for the API and the built client: the first load is a few hundred kilobytes on a slow link.
  app.use(compression());
  app.use(cookieParser());
  app.use('/api', express.json({ limit: '1mb', strict: true, type: ['application/json', 'application/*+json'] }));
  app.use('/api', (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    sendProblem(req, res, error, new NestLogger('BodyParser'));
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  // No app.enableShutdownHooks(): main.ts owns the signals (GracefulShutdown) and calls app.close() in its order.

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ruta API')
      .setDescription('Counter-trafficking case management. Every route declares its access in x-access or x-permission.')
      .setVersion('0.1.0')
      .addCookieAuth('ruta_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
