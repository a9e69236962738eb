import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import { User } from './user.entity';
import type { Role } from './roles';

@Injectable()
export class UserRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get users() {
    return (this.txHost as Tx).tx.getRepository(User);
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  async list(limit: number, offset: number): Promise<{ items: User[]; total: number }> {
    const [items, total] = await this.users.findAndCount({
      order: { email: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  count(): Promise<number> {
    return this.users.count();
  }

  /** Locks the row for the rest of the transaction, so a version check and its write cannot interleave. */
  findByIdForUpdate(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  countActiveWithRole(role: Role): Promise<number> {
    return this.users.countBy({ role, active: true });
  }

  /** Serialises changes that must keep at least one active admin. */
  async lockAdmins(): Promise<void> {
    await this.users.find({
      where: { role: 'admin', active: true },
      lock: { mode: 'pessimistic_write' },
    });
  }

  insert(user: Pick<User, 'email' | 'displayName' | 'role' | 'passwordHash'>): Promise<User> {
    return this.users.save(this.users.create({ ...user, email: user.email.toLowerCase() }));
  }

  save(user: User): Promise<User> {
    return this.users.save(user);
  }
}
