import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import { HearingDefect } from './hearing-defect.entity';
import { Hearing } from './hearing.entity';

@Injectable()
export class HearingRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async insert(
    row: Pick<Hearing, 'caseId' | 'replyDays' | 'createdBy'>,
    defectIds: string[],
  ): Promise<Hearing> {
    const repository = this.manager.getRepository(Hearing);
    const hearing = await repository.save(repository.create({ ...row, status: 'draft' }));
    await this.manager
      .getRepository(HearingDefect)
      .insert(defectIds.map((defectId) => ({ hearingId: hearing.id, defectId })));
    return hearing;
  }

  findById(id: string): Promise<Hearing | null> {
    return this.manager.getRepository(Hearing).findOne({ where: { id } });
  }

  findByIdForUpdate(id: string): Promise<Hearing | null> {
    return this.manager
      .getRepository(Hearing)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  ofCase(caseId: string): Promise<Hearing[]> {
    return this.manager
      .getRepository(Hearing)
      .find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  save(hearing: Hearing): Promise<Hearing> {
    return this.manager.getRepository(Hearing).save(hearing);
  }

  /** The defect ids each hearing names. */
  async defectIdsOf(hearingIds: string[]): Promise<Map<string, string[]>> {
    const byHearing = new Map<string, string[]>(hearingIds.map((id) => [id, []]));
    if (hearingIds.length === 0) return byHearing;
    const rows: Array<{ hearing_id: string; defect_id: string }> = await this.manager.query(
      `SELECT hearing_id, defect_id FROM hearing_defects
        WHERE hearing_id = ANY($1::uuid[]) ORDER BY defect_id`,
      [hearingIds],
    );
    for (const row of rows) byHearing.get(row.hearing_id)?.push(row.defect_id);
    return byHearing;
  }
}
