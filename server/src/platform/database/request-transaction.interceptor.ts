import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DbActorContext, TransactionRunner } from './transaction-runner';

/** The acting user a guard attached to the request, as row-level security needs it. */
export interface RequestWithActor extends Request {
  dbContext?: DbActorContext;
}

/** Runs every handler inside one transaction that carries the acting user. */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  constructor(private readonly transactions: TransactionRunner) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    return from(this.transactions.run(request.dbContext ?? {}, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
