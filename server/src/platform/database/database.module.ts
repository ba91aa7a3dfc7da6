import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(appUrl: string, entities: NonNullable<Parameters<typeof dataSourceOptions>[1]>['entities']): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(appUrl, { entities }), retryAttempts: 2, retryDelay: 500 })],
      providers: [TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}
