import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { RequestContextMiddleware } from './access/request-context';
import { AuditModule } from './audit/audit.module';
import { RutaConfig } from './config/config';
import { RUTA_CONFIG } from './config/config.token';
import { resolveSecretKey } from './config/secret-key';
import { SECRET_BOX, SecretBox } from './crypto/secret-box';
import { fieldCipherProvider } from './crypto/field-encryption';
import { DatabaseModule, DatabaseUrls } from './database/database.module';
import { RequestTransactionInterceptor } from './database/request-transaction.interceptor';
import { HealthModule } from './health/health.module';
import { loggerParams } from './http/logging';
import { Clock } from './time/clock';
import { Mailer } from './mail/mailer';
import { ProblemFilter } from './http/problem.filter';

type Entities = Parameters<typeof DatabaseModule.forRoot>[1];

/**
 * What every request passes through: logging, throttling, the request transaction (RLS), the default-deny guard,
 * problem+json errors, audit and health. The default-deny `AccessGuard` is installed by the app module, where the
 * identity area's `SessionAuthenticator` is in reach.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forRoot(config: RutaConfig, urls: DatabaseUrls, entities: Entities): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({ ...loggerParams(config.LOG_LEVEL), forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] }),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: 300 }]),
        DatabaseModule.forRoot(urls, entities, config.databaseTimeouts),
        AuditModule,
        HealthModule,
      ],
      providers: [
        { provide: RUTA_CONFIG, useValue: config },
        Clock,
        Mailer,
        { provide: SECRET_BOX, useFactory: () => new SecretBox(resolveSecretKey(config)) },
        fieldCipherProvider(config),
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor },
      ],
      exports: [RUTA_CONFIG, SECRET_BOX, Clock, Mailer, AuditModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
