import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { DatabaseTimeouts } from './database-timeouts';
import { SYSTEM_CONNECTION, TransactionRunner } from './transaction-runner';

type Entities = NonNullable<Parameters<typeof dataSourceOptions>[1]>['entities'];

/** Where the server connects: as the application role for users' work, as the system role for system work. */
export interface DatabaseUrls {
  app: string;
  system: string;
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(urls: DatabaseUrls, entities: Entities, timeouts?: DatabaseTimeouts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(urls.app, { entities, timeouts }), retryAttempts: 2, retryDelay: 500 }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(urls.system, { entities, timeouts, poolSize: 10, applicationName: 'ruta-system' }),
          name: SYSTEM_CONNECTION,
          retryAttempts: 2,
          retryDelay: 500,
        }),
      ],
      providers: [TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}
