import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DbActorContext, TransactionRunner } from './transaction-runner';

/** The acting user a guard attached to the request, as row-level security needs it. */
export interface RequestWithActor extends Request {
  dbContext?: DbActorContext;
}

const WITHOUT_TRANSACTION = 'ruta:without-transaction';

/**
 * The handler does no database work on behalf of a user (health checks): it runs outside the request transaction, so
 * that it answers at once, and can say so, when no connection is to be had.
 */
export const WithoutTransaction = () => SetMetadata(WITHOUT_TRANSACTION, true);

/** Runs every handler inside one transaction that carries the acting user (except those marked WithoutTransaction). */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.get<boolean | undefined>(WITHOUT_TRANSACTION, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    return from(this.transactions.run(request.dbContext ?? {}, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
