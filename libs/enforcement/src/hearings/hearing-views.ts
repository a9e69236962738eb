import { Injectable } from '@nestjs/common';
import { OrderRepository } from '../orders/order.repository';
import { recordLetters } from '../orders/record-letters';
import type { HearingDto } from './hearing.dto';
import type { Hearing } from './hearing.entity';
import { HearingRepository } from './hearing.repository';

@Injectable()
export class HearingViews {
  constructor(
    private readonly hearings: HearingRepository,
    private readonly orders: OrderRepository,
  ) {}

  async of(hearings: Hearing[]): Promise<HearingDto[]> {
    const defects = await this.hearings.defectIdsOf(hearings.map((h) => h.id));
    const letters = await this.orders.letterRows(hearings.flatMap((h) => h.letterIds));
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
      letters: recordLetters(hearing.letterIds, hearing.addressees, letters),
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
