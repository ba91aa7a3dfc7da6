import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { LoggerModule } from 'nestjs-pino';
import { AccessGuard } from './access/access.guard';
import { RequestContextMiddleware } from './access/request-context';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { RutaConfig } from './config/config';
import { RUTA_CONFIG } from './config/config.token';
import { resolveSecretKey } from './config/secret-key';
import { SECRET_BOX, SecretBox } from './auth/secret-box';
import { DatabaseModule } from './database/database.module';
import { RequestTransactionInterceptor } from './database/request-transaction.interceptor';
import { HealthModule } from './health/health.module';
import { loggerParams } from './http/logging';
import { ProblemFilter } from './http/problem.filter';
import { InstitutionsModule } from './institutions/institutions.module';
import { RolesModule } from './roles/roles.module';
import { UsersModule } from './users/users.module';
import { PlacesModule } from './places/places.module';
import { CasesModule } from './cases/cases.module';
import { CaseIntakeModule } from './case-intake/case-intake.module';
import { ConsentsModule } from './consents/consents.module';
import { CaseNotesModule } from './case-notes/case-notes.module';
import { CaseDocumentsModule } from './case-documents/case-documents.module';
import { CaseTimelineModule } from './case-timeline/case-timeline.module';
import { SavedFiltersModule } from './saved-filters/saved-filters.module';
import { CaseLinkRequestsModule } from './case-link-requests/case-link-requests.module';
import { CaseDraftsModule } from './case-drafts/case-drafts.module';

/** Feature modules of the API, in one list. */
const FEATURES = [
  HealthModule, AuthModule, AuditModule, InstitutionsModule, RolesModule, UsersModule,
  PlacesModule, CasesModule, CaseIntakeModule, ConsentsModule, CaseNotesModule, CaseDocumentsModule, CaseTimelineModule, SavedFiltersModule,
  CaseLinkRequestsModule, CaseDraftsModule,
];

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: RutaConfig, appUrl: string): DynamicModule {
    const clientDir = resolve(config.CLIENT_DIR);
    const serveClient = existsSync(resolve(clientDir, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: clientDir, exclude: ['/api/{*path}'], serveStaticOptions: { index: 'index.html', maxAge: '1h' } })]
      : [];
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({ ...loggerParams(config.LOG_LEVEL), forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] }),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: 300 }]),
        DatabaseModule.forRoot(appUrl),
        ...FEATURES,
        ...serveClient,
      ],
      providers: [
        { provide: RUTA_CONFIG, useValue: config },
        { provide: SECRET_BOX, useFactory: () => new SecretBox(resolveSecretKey(config)) },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor },
      ],
      exports: [RUTA_CONFIG, SECRET_BOX],
      global: true,
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
