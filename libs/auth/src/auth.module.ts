import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access.guard';
import { AuthRetention } from './auth-retention.service';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { SessionCache } from './session-cache';
import { Session } from './session.entity';
import { SessionRepository } from './session.repository';
import { SignInFailure } from './sign-in-failure.entity';
import { SignInFailureRepository } from './sign-in-failure.repository';
import { User } from './user.entity';
import { UserRepository } from './user.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, SignInFailure])],
  providers: [
    UserRepository,
    SessionRepository,
    SessionCache,
    SignInFailureRepository,
    PasswordHasher,
    AuthService,
    UsersService,
    AccessGuard,
    AuthRetention,
  ],
  exports: [AuthService, UsersService, AccessGuard, AuthRetention, SessionCache],
})
export class AuthModule {}
