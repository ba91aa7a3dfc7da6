import { INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { RutaConfig, assignRequestId, sendProblem, createValidationPipe } from '@ruta/platform';

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

/** Builds the whole HTTP application (API under /api plus the built client) against a prepared database. */
export async function createApp(config: RutaConfig, appUrl: string, options: { logs?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, appUrl), {
    bodyParser: false,
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use((req: Request, res: Response, next: NextFunction) => {
    assignRequestId(req, res);
    next();
  });
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false }));
  app.use(cookieParser());
  app.use('/api', express.json({ limit: '1mb', strict: true, type: ['application/json', 'application/*+json'] }));
  app.use('/api', (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    sendProblem(req, res, error, new NestLogger('BodyParser'));
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

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
