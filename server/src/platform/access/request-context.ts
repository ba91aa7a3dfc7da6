import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { LoginStage } from '@ruta/shared';
import { Actor } from './actor';
import { assignRequestId } from '../http/logging';

/** What the audit trail and services need to know about the request in progress. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  actor?: Actor;
  /** Where the actor's login stands (`done` unless a second factor or password change is owed). */
  stage?: LoginStage;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The current request's context, or undefined outside a request (CLI, timers). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

export function currentStage(): LoginStage {
  return storage.getStore()?.stage ?? 'done';
}

/** The acting user; throws if called where no guard has authenticated one (a programming error). */
export function currentActor(): Actor {
  const actor = storage.getStore()?.actor;
  if (!actor) throw new Error('No authenticated actor in this context');
  return actor;
}

/** Opens the request context before guards run, so the guard can attach the actor and the audit trail can read it. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const context: RequestContext = {
      requestId: assignRequestId(req, res),
      ip: req.ip ?? null,
      userAgent: (req.headers['user-agent'] ?? '').slice(0, 300) || null,
    };
    storage.run(context, () => next());
  }
}
