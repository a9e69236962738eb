import { Injectable } from '@nestjs/common';
import type { HearingDto } from './hearing.dto';
import type { Hearing } from './hearing.entity';
import { HearingRepository } from './hearing.repository';

@Injectable()
export class HearingViews {
  constructor(private readonly hearings: HearingRepository) {}

  async of(hearings: Hearing[]): Promise<HearingDto[]> {
    const defects = await this.hearings.defectIdsOf(hearings.map((h) => h.id));
    return hearings.map((hearing) => ({
      id: hearing.id,
      caseId: hearing.caseId,
      status: hearing.status,
      defectIds: defects.get(hearing.id) ?? [],
      replyDays: hearing.replyDays,
      addressees: hearing.addressees,
      delivery: hearing.delivery,
      notifiedOn: hearing.notifiedOn,
      replyDueOn: hearing.replyDueOn,
      sentAt: hearing.sentAt?.toISOString() ?? null,
      closedAt: hearing.closedAt?.toISOString() ?? null,
      closeNote: hearing.closeNote,
      version: hearing.version,
      createdAt: hearing.createdAt.toISOString(),
    }));
  }

  async one(hearing: Hearing): Promise<HearingDto> {
    return (await this.of([hearing]))[0];
  }
}
