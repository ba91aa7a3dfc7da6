import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { createValidationPipe } from '@ruta/platform';
import { AuthService, OpenedSession } from './auth.service';
import { LoginDto } from './dto/auth.dto';

/** Passport's local strategy: email + password → an opened session (or the AuthService's 401/429). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', session: false });
  }

  validate(email: string, password: string): Promise<OpenedSession> {
    return this.auth.login(email, password);
  }
}

/** Validates the login body like every other body (field errors, unknown fields) before passport sees it. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly pipe = createValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    await this.pipe.transform(request.body ?? {}, { type: 'body', metatype: LoginDto });
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    return user;
  }
}
