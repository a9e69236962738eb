import { Injectable } from '@nestjs/common';
import {
  AuditTrail,
  ConflictProblem,
  NotFoundProblem,
  Page,
  StaleVersionProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { UserDto } from './dto/user.dto';
import { PasswordHasher } from './password-hasher';
import type { Role } from './roles';
import { SessionCache } from './session-cache';
import { SessionRepository } from './session.repository';
import { User } from './user.entity';
import { UserRepository } from './user.repository';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  active?: boolean;
  password?: string;
}

/** What the audit trail keeps of a user: never the password hash. */
function auditView(user: User): Record<string, unknown> {
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    version: user.version,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
    private readonly sessionCache: SessionCache,
  ) {}

  list(limit: number, offset: number): Promise<Page<User>> {
    return this.users.list(limit, offset);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundProblem('User');
    return user;
  }

  @Transactional()
  async create(input: NewUser): Promise<User> {
    if (await this.users.findByEmail(input.email)) {
      throw new ValidationProblem([{ field: 'email', message: 'is already in use' }]);
    }
    const user = await this.users.insert({
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await this.hasher.hash(input.password),
    });
    await this.audit.record({
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      after: auditView(user),
    });
    return user;
  }

  /**
   * Applies an admin's changes if `expectedVersion` is still current. Deactivating a user ends
   * their sessions in the same transaction; the last active admin cannot be demoted or deactivated.
   */
  async update(id: string, expectedVersion: number, changes: UserChanges): Promise<User> {
    const saved = await this.applyUpdate(id, expectedVersion, changes);
    // Committed: this process's cached sessions of the user go now, others' by notification.
    this.sessionCache.forgetUser(id);
    return saved;
  }

  @Transactional()
  private async applyUpdate(
    id: string,
    expectedVersion: number,
    changes: UserChanges,
  ): Promise<User> {
    const losesAdmin =
      changes.active === false || (changes.role !== undefined && changes.role !== 'admin');
    if (losesAdmin) await this.users.lockAdmins();
    const user = await this.users.findByIdForUpdate(id);
    if (!user) throw new NotFoundProblem('User');
    if (user.version !== expectedVersion) throw new StaleVersionProblem(UserDto.from(user));
    const before = auditView(user);

    if (losesAdmin && user.role === 'admin' && user.active) {
      if ((await this.users.countActiveWithRole('admin')) <= 1) {
        throw new ConflictProblem('This is the last active admin; appoint another admin first.');
      }
    }
    if (changes.displayName !== undefined) user.displayName = changes.displayName;
    if (changes.role !== undefined) user.role = changes.role;
    if (changes.password !== undefined)
      user.passwordHash = await this.hasher.hash(changes.password);
    const deactivated = changes.active === false && user.active;
    if (changes.active !== undefined) user.active = changes.active;

    const saved = await this.users.save(user);
    if (deactivated || changes.password !== undefined) await this.sessions.revokeAllOf(id);
    await this.audit.record({
      action: deactivated ? 'user.deactivated' : 'user.updated',
      entityType: 'user',
      entityId: id,
      before,
      after: {
        ...auditView(saved),
        ...(changes.password !== undefined && { passwordChanged: true }),
      },
    });
    return saved;
  }
}
