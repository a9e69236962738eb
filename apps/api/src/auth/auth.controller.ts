import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import {
  AuthenticatedUser,
  AuthService,
  CurrentUser,
  MeDto,
  Public,
  RequirePermission,
  SESSION_COOKIE,
  SignInDto,
  SignInResultDto,
  UserDto,
} from '@hausakte/auth';
import { ApiProblems, APP_CONFIG, AppConfig } from '@hausakte/platform';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @ApiOkResponse({ type: SignInResultDto })
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: sets the session cookie and returns a bearer token' })
  @ApiProblems(401, 422, 429)
  async login(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResultDto> {
    const { token, expiresAt, user } = await this.auth.signIn(
      body.email,
      body.password,
      request.ip,
    );
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.SESSION_COOKIE_SECURE,
      path: '/',
      expires: expiresAt,
    });
    return { token, expiresAt: expiresAt.toISOString(), user: UserDto.from(user) };
  }

  @Post('logout')
  @ApiNoContentResponse()
  @RequirePermission('own')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Sign out: ends this session' })
  @ApiProblems(401)
  async logout(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(user);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOkResponse({ type: MeDto })
  @RequirePermission('own')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiProblems(401)
  me(@CurrentUser() user: AuthenticatedUser): MeDto {
    return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
  }
}
