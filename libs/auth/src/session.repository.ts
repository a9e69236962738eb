import { Injectable } from '@nestjs/common';
import { IsNull, LessThan } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import { Session } from './session.entity';
import type { Role } from './roles';

/** A session that may be used right now, and who it belongs to. */
export interface LiveSession {
  sessionId: string;
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  expiresAt: Date;
}

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
  async findLive(tokenHash: string): Promise<LiveSession | null> {
    // Runs on every authenticated request: plain SQL on the token's unique index, because
    // TypeORM's query builder and entity hydration cost more CPU than the statement itself.
    const rows: LiveSession[] = await (this.txHost as Tx).tx.query(
      `SELECT s.id AS "sessionId", u.id AS "userId", u.email, u.display_name AS "displayName",
              u.role, s.expires_at AS "expiresAt"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [tokenHash],
    );
    return rows[0] ?? null;
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
