import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditService } from '../audit/audit.service';
import { SessionAuthenticator } from './session-authenticator';
import { ForbiddenError, UnauthenticatedError } from '../http/errors';
import { Public, RequirePermission } from './access.decorators';
import { AccessGuard } from './access.guard';

class ExampleController {
  undeclared() {}
  @Public() open() {}
  @RequirePermission('users:manage') guarded() {}
}

function contextFor(handler: keyof ExampleController, cookies: Record<string, string> = {}): ExecutionContext {
  return {
    getHandler: () => ExampleController.prototype[handler],
    getClass: () => ExampleController,
    switchToHttp: () => ({ getRequest: () => ({ cookies, method: 'GET', header: () => undefined }) }),
  } as unknown as ExecutionContext;
}

describe('AccessGuard', () => {
  const sessions = { authenticate: jest.fn() } as unknown as SessionAuthenticator;
  const audit = { record: jest.fn() } as unknown as AuditService;
  const guard = new AccessGuard(new Reflector(), sessions, audit);

  it('denies a route that declares no access, whoever calls it', async () => {
    await expect(guard.canActivate(contextFor('undeclared'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(sessions.authenticate).not.toHaveBeenCalled();
  });

  it('lets anyone reach a public route', async () => {
    await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
  });

  it('answers 401 on a guarded route without a session cookie', async () => {
    await expect(guard.canActivate(contextFor('guarded'))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('does not even look up a malformed session token', async () => {
    await expect(guard.canActivate(contextFor('guarded', { ruta_session: "' OR 1=1 --" }))).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(sessions.authenticate).not.toHaveBeenCalled();
  });
});
