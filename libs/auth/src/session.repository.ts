import { Injectable } from '@nestjs/common';
import { IsNull, LessThan } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import { Session } from './session.entity';
import { User } from './user.entity';

@Injectable()
export class SessionRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get sessions() {
    return (this.txHost as Tx).tx.getRepository(Session);
  }

  async insert(session: Pick<Session, 'userId' | 'tokenHash' | 'expiresAt'>): Promise<Session> {
    return this.sessions.save(this.sessions.create({ ...session, revokedAt: null }));
  }

  /** The live session for a token hash, with its user, if both are still valid right now. */
  async findLive(tokenHash: string): Promise<{ session: Session; user: User } | null> {
    // One statement on every request: no LIMIT, so TypeORM does not add its paging subquery.
    const session = await this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.user', 'user', 'user.active')
      .where('session.tokenHash = :tokenHash', { tokenHash })
      .andWhere('session.revokedAt IS NULL')
      .andWhere('session.expiresAt > now()')
      .getOne();
    return session?.user ? { session, user: session.user } : null;
  }

  async revoke(id: string): Promise<void> {
    await this.sessions.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async revokeAllOf(userId: string): Promise<number> {
    const result = await this.sessions.update(
      { userId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
    return result.affected ?? 0;
  }

  async deleteEndedBefore(cutoff: Date): Promise<number> {
    const expired = await this.sessions.delete({ expiresAt: LessThan(cutoff) });
    const revoked = await this.sessions.delete({ revokedAt: LessThan(cutoff) });
    return (expired.affected ?? 0) + (revoked.affected ?? 0);
  }
}
