import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import { Heartbeat } from './heartbeat.entity';

@Injectable()
export class HeartbeatRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get beats() {
    return (this.txHost as Tx).tx.getRepository(Heartbeat);
  }

  async record(jobId: string): Promise<void> {
    await this.beats.createQueryBuilder().insert().values({ jobId }).orIgnore().execute();
  }

  async latest(): Promise<Date | null> {
    const [beat] = await this.beats.find({ order: { beatAt: 'DESC' }, take: 1 });
    return beat?.beatAt ?? null;
  }

  async deleteOlderThan(cutoff: Date): Promise<void> {
    await this.beats.delete({ beatAt: LessThan(cutoff) });
  }
}
