import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { LoggerModule } from 'nestjs-pino';
import { AccessGuard } from './access/access.guard';
import { RutaConfig } from './config/config';
import { DatabaseModule } from './database/database.module';
import { RequestTransactionInterceptor } from './database/request-transaction.interceptor';
import { HealthModule } from './health/health.module';
import { loggerParams } from './http/logging';
import { ProblemFilter } from './http/problem.filter';
import { RUTA_CONFIG } from './config/config.token';

@Module({})
export class AppModule {
  static forRoot(config: RutaConfig, appUrl: string): DynamicModule {
    const clientDir = resolve(config.CLIENT_DIR);
    const serveClient = existsSync(resolve(clientDir, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: clientDir, exclude: ['/api/{*path}'], serveStaticOptions: { index: 'index.html', maxAge: '1h' } })]
      : [];
    return {
      module: AppModule,
      imports: [LoggerModule.forRoot(loggerParams(config.LOG_LEVEL)), DatabaseModule.forRoot(appUrl), HealthModule, ...serveClient],
      providers: [
        { provide: RUTA_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor },
      ],
      exports: [RUTA_CONFIG],
      global: true,
    };
  }
}
