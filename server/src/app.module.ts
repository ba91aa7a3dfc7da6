import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { LoggerModule } from 'nestjs-pino';
import { AccessGuard } from './platform/access/access.guard';
import { RequestContextMiddleware } from './platform/access/request-context';
import { AuditModule } from './platform/audit/audit.module';
import { AuthModule } from './identity/auth/auth.module';
import { RutaConfig } from './platform/config/config';
import { RUTA_CONFIG } from './platform/config/config.token';
import { resolveSecretKey } from './platform/config/secret-key';
import { SECRET_BOX, SecretBox } from './platform/crypto/secret-box';
import { DatabaseModule } from './platform/database/database.module';
import { RequestTransactionInterceptor } from './platform/database/request-transaction.interceptor';
import { HealthModule } from './platform/health/health.module';
import { loggerParams } from './platform/http/logging';
import { ProblemFilter } from './platform/http/problem.filter';
import { InstitutionsModule } from './identity/institutions/institutions.module';
import { RolesModule } from './identity/roles/roles.module';
import { UsersModule } from './identity/users/users.module';
import { PlacesModule } from './places/places.module';
import { CasesModule } from './cases/core/cases.module';
import { CaseIntakeModule } from './cases/intake/case-intake.module';
import { ConsentsModule } from './cases/consents/consents.module';
import { CaseNotesModule } from './cases/notes/case-notes.module';
import { CaseDocumentsModule } from './cases/documents/case-documents.module';
import { CaseTimelineModule } from './cases/timeline/case-timeline.module';
import { SavedFiltersModule } from './cases/saved-filters/saved-filters.module';
import { CaseLinkRequestsModule } from './cases/links/case-link-requests.module';
import { CaseDraftsModule } from './cases/drafts/case-drafts.module';

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
