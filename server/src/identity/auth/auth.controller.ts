import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { LoginResponse, MeResponse, SESSION_COOKIE, TotpConfirmResponse, TotpEnrolmentResponse, XSRF_COOKIE } from '@ruta/shared';
import { Authenticated, Public, Actor, CurrentActor, currentStage } from '@ruta/platform';
import { AuthService, OpenedSession } from './auth.service';
import { LocalAuthGuard } from './local.strategy';
import { ChangePasswordDto, DisableMfaDto, LoginDto, TotpDto, UpdateProfileDto } from './dto/auth.dto';
import { ABSOLUTE_TIMEOUT_MS } from './session.service';

function isLocal(request: Request): boolean {
  return ['localhost', '127.0.0.1', '::1'].includes(request.hostname);
}

function cookieOptions(request: Request) {
  return { sameSite: 'strict' as const, secure: request.secure || !isLocal(request), path: '/', maxAge: ABSOLUTE_TIMEOUT_MS };
}

function setSessionCookies(request: Request, response: Response, token: string, csrfToken: string): void {
  setSessionCookie(request, response, token);
  response.cookie(XSRF_COOKIE, csrfToken, { ...cookieOptions(request), httpOnly: false });
}

/** The session token alone: after the second factor the session gets a new one. */
function setSessionCookie(request: Request, response: Response, token: string): void {
  response.cookie(SESSION_COOKIE, token, { ...cookieOptions(request), httpOnly: true });
}

function clearSessionCookies(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { path: '/' });
  response.clearCookie(XSRF_COOKIE, { path: '/' });
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard, LocalAuthGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  login(@Body() _dto: LoginDto, @Req() request: Request & { user: OpenedSession }, @Res({ passthrough: true }) response: Response): LoginResponse {
    const { token, csrfToken, stage, me } = request.user;
    setSessionCookies(request, response, token, csrfToken);
    return { stage, me };
  }

  @Post('totp')
  @Authenticated({ allowIncompleteLogin: true })
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  async totp(@CurrentActor() actor: Actor, @Body() dto: TotpDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const { token, ...login } = await this.auth.verifySecondFactor(actor, dto.code);
    setSessionCookie(request, response, token);
    return login;
  }

  @Post('mfa/enrol')
  @Authenticated({ allowIncompleteLogin: true })
  @HttpCode(200)
  enrol(@CurrentActor() actor: Actor): Promise<TotpEnrolmentResponse> {
    return this.auth.startEnrolment(actor, currentStage());
  }

  @Post('mfa/confirm')
  @Authenticated({ allowIncompleteLogin: true })
  @HttpCode(200)
  async confirm(@CurrentActor() actor: Actor, @Body() dto: TotpDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TotpConfirmResponse> {
    const { token, ...confirmed } = await this.auth.confirmEnrolment(actor, dto.code);
    setSessionCookie(request, response, token);
    return confirmed;
  }

  @Delete('mfa')
  @Authenticated()
  @HttpCode(204)
  disableMfa(@CurrentActor() actor: Actor, @Body() dto: DisableMfaDto): Promise<void> {
    return this.auth.disableMfa(actor, dto.password);
  }

  @Post('password')
  @Authenticated({ allowIncompleteLogin: true })
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
    clearSessionCookies(response);
  }

  @Post('logout')
  @Authenticated({ allowIncompleteLogin: true })
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(actor);
    clearSessionCookies(response);
  }

  @Get('me')
  @Authenticated({ allowIncompleteLogin: true })
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.me(actor, currentStage());
  }

  @Patch('me')
  @Authenticated()
  updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<MeResponse> {
    return this.auth.updateLanguage(actor, dto.language, currentStage());
  }
}
