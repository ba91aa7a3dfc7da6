import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuditModule, SessionAuthenticator } from '@ruta/platform';
import { UsersRepository } from '../users/users.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { RecentSessions } from './recent-sessions';
import { SessionService } from './session.service';
import { SessionsRepository } from './sessions.repository';

@Module({
  imports: [AuditModule, PassportModule],
  controllers: [AuthController],
  providers: [AuthService, LocalStrategy, SessionService, SessionsRepository, RecentSessions, UsersRepository, { provide: SessionAuthenticator, useExisting: SessionService }],
  exports: [SessionService, SessionsRepository, SessionAuthenticator, RecentSessions],
})
export class AuthModule {}
