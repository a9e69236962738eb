import { CanActivate, ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import type {} from '@fastify/cookie'; // request.cookies, in every app that builds this lib
import { Reflector } from '@nestjs/core';
import { Problem, RequestContext } from '@hausakte/platform';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION, RequestWithUser } from './access.decorators';
import { AuthService } from './auth.service';
import { Permission, roleHas } from './roles';
import { SESSION_COOKIE } from './session-token';

/**
 * The global guard. Fails closed: a route that declares neither @Public nor @RequirePermission
 * is refused for everyone (and logged), so a forgotten decorator can never open a route.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly context: RequestContext,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = execution.switchToHttp().getRequest<RequestWithUser>();
    const token = tokenOf(request);
    const user = token ? await this.auth.authenticate(token) : null;
    if (!user) {
      throw new Problem(
        HttpStatus.UNAUTHORIZED,
        'unauthenticated',
        'Sign in first.',
        {},
        {
          'www-authenticate': 'Bearer',
        },
      );
    }
    request.user = user;
    this.context.actorId = user.id;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );
    if (!permission) {
      this.logger.error(
        `Route ${request.method} ${request.routeOptions.url} declares no permission`,
      );
      throw new Problem(HttpStatus.FORBIDDEN, 'forbidden', 'This route is not open to any role.');
    }
    if (!roleHas(user.role, permission)) {
      throw new Problem(
        HttpStatus.FORBIDDEN,
        'forbidden',
        `The role ${user.role} may not do this.`,
      );
    }
    return true;
  }
}

function tokenOf(request: RequestWithUser): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  return request.cookies?.[SESSION_COOKIE];
}
