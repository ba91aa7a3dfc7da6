import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_METADATA, RouteAccess } from './access.decorators';
import { ForbiddenError, UnauthenticatedError } from '../http/errors';

/**
 * Default deny: a route must declare its access (Public, Authenticated or RequirePermission), or nobody reaches it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!access) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access; denied`);
      throw new ForbiddenError('route_not_declared', 'This route is not open to anyone');
    }
    if (access.kind === 'public') return true;
    throw new UnauthenticatedError();
  }
}
