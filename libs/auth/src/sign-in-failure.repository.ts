import { Injectable } from '@nestjs/common';
import { LessThan, MoreThan } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import { SignInFailure } from './sign-in-failure.entity';

@Injectable()
export class SignInFailureRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get failures() {
    return (this.txHost as Tx).tx.getRepository(SignInFailure);
  }

  /** Serialises sign-in attempts on one account until the transaction ends. */
  async lockAccount(accountKey: string): Promise<void> {
    await (this.txHost as Tx).tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `sign-in|${accountKey}`,
    ]);
  }

  async record(accountKey: string, clientKey: string): Promise<void> {
    await this.failures.insert({ accountKey, clientKey });
  }

  countForAccountSince(accountKey: string, since: Date): Promise<number> {
    return this.failures.countBy({ accountKey, failedAt: MoreThan(since) });
  }

  countForClientSince(clientKey: string, since: Date): Promise<number> {
    return this.failures.countBy({ clientKey, failedAt: MoreThan(since) });
  }

  async clearAccount(accountKey: string): Promise<void> {
    await this.failures.delete({ accountKey });
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const result = await this.failures.delete({ failedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
