import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SESSION_COOKIE, XSRF_HEADER } from '@ruta/shared';
import { AuditService } from '../audit/audit.service';
import { safeEqual } from '../crypto/tokens';
import { RequestWithActor } from '../database/request-transaction.interceptor';
import { ForbiddenError, UnauthenticatedError } from '../http/errors';
import { ACCESS_METADATA, RouteAccess } from './access.decorators';
import { currentRequest } from './request-context';
import { SessionAuthenticator } from './session-authenticator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Default deny. A route must declare its access (Public, Authenticated or RequirePermission) or nobody reaches it.
 * For the others it resolves the session, checks the login is complete, the CSRF token on state-changing requests,
 * and the role permission; then hands the actor to the request context (audit) and the transaction (RLS).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionAuthenticator,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!access) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access; denied`);
      throw new ForbiddenError('route_not_declared', 'This route is not open to anyone');
    }
    if (access.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    const token = request.cookies?.[SESSION_COOKIE];
    const authenticated = typeof token === 'string' && /^[0-9a-f]{64}$/.test(token) ? await this.sessions.authenticate(token) : undefined;
    if (!authenticated) throw new UnauthenticatedError();
    const { actor, session, stage } = authenticated;

    if (!SAFE_METHODS.has(request.method)) {
      const header = request.header(XSRF_HEADER);
      if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
        throw new ForbiddenError('csrf_failed', 'The request lacks a valid anti-forgery token; reload the page');
      }
    }

    const requestContext = currentRequest();
    if (requestContext) Object.assign(requestContext, { actor, stage });
    // The database resolves the actor again from the token itself (row-level security trusts nothing else).
    request.dbContext = { sessionToken: token };

    if (stage !== 'done' && !(access.kind === 'authenticated' && access.allowIncompleteLogin)) {
      throw new UnauthenticatedError('login_incomplete', 'Finish signing in first');
    }
    if (access.kind === 'permission' && !actor.permissions.has(access.permission)) {
      await this.audit.record({ action: 'access_denied', outcome: 'denied', details: { permission: access.permission, route: `${request.method} ${request.route?.path ?? ''}` } });
      throw new ForbiddenError();
    }
    return true;
  }
}
