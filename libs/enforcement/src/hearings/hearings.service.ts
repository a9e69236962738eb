import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@hausakte/auth';
import { LegalCalendar } from '@hausakte/landlords';
import {
  AuditTrail,
  ConflictProblem,
  FieldError,
  NotFoundProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { addresseesFor } from '../cases/addressees';
import { lockOpenCase } from '../cases/case-guard';
import { CaseRepository } from '../cases/case.repository';
import { LettersService, type LetterFile } from '../letters/letters.service';
import { recordedDays, refuseDaysBefore, toDelivery } from '../orders/delivery.dto';
import { OrderRepository } from '../orders/order.repository';
import {
  defectText,
  foundOnText,
  frame,
  intendedPeriod,
  issuePerAddressee,
  letterDate,
} from '../orders/record-letters';
import { berlinDateOf } from '../rules/legal-date';
import { notificationDate } from '../rules/notification';
import { periodInDays } from '../rules/periods';
import type { CloseHearingDto, CreateHearingDto, HearingDto, SendHearingDto } from './hearing.dto';
import { HearingViews } from './hearing-views';
import type { Hearing } from './hearing.entity';
import { HearingRepository } from './hearing.repository';
import { EnforcementEvents } from '../deadlines/enforcement-events';

function auditView(hearing: Hearing): Record<string, unknown> {
  return {
    caseId: hearing.caseId,
    status: hearing.status,
    replyDays: hearing.replyDays,
    notifiedOn: hearing.notifiedOn,
    replyDueOn: hearing.replyDueOn,
    addresseeIds: hearing.addressees?.map((a) => a.landlordId) ?? null,
    letterIds: hearing.letterIds,
    version: hearing.version,
  };
}

/** Hearings (Anhörung, § 28 VwVfG NRW): `draft → sent → closed`. */
@Injectable()
export class HearingsService {
  constructor(
    private readonly hearings: HearingRepository,
    private readonly cases: CaseRepository,
    private readonly orders: OrderRepository,
    private readonly views: HearingViews,
    private readonly calendar: LegalCalendar,
    private readonly audit: AuditTrail,
    private readonly letters: LettersService,
    private readonly events: EnforcementEvents,
  ) {}

  async get(id: string): Promise<HearingDto> {
    const hearing = await this.hearings.findById(id);
    if (!hearing) throw new NotFoundProblem('Hearing');
    return this.views.one(hearing);
  }

  @Transactional()
  async create(
    caseId: string,
    input: CreateHearingDto,
    actor: AuthenticatedUser,
  ): Promise<HearingDto> {
    await lockOpenCase(this.cases, caseId);
    const facts = new Map((await this.cases.defectFacts(input.defectIds)).map((f) => [f.id, f]));
    const errors: FieldError[] = [];
    input.defectIds.forEach((defectId, index) => {
      const fact = facts.get(defectId);
      const field = `defectIds[${index}]`;
      if (!fact || fact.caseId !== caseId) {
        errors.push({ field, message: 'is not a defect of this case: link it to the case first' });
      } else if (fact.status === 'verified') {
        errors.push({ field, message: 'is verified as remedied: nothing to hear about' });
      }
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    const hearing = await this.hearings.insert(
      { caseId, replyDays: input.replyDays, createdBy: actor.id },
      input.defectIds,
    );
    await this.audit.record({
      action: 'hearing.drafted',
      entityType: 'hearing',
      entityId: hearing.id,
      after: { ...auditView(hearing), defectIds: input.defectIds },
    });
    await this.events.casesChanged([caseId]);
    return this.views.one(hearing);
  }

  /**
   * Sends the hearing: the landlords in charge today are frozen as its addressees, the recorded
   * delivery gives the day of notification and the last day to reply, and its letters are issued
   * (one per addressee, stating that day) in the same transaction.
   */
  @Transactional()
  async send(id: string, input: SendHearingDto, actor: AuthenticatedUser): Promise<HearingDto> {
    const { hearing, found } = await this.locked(id);
    if (hearing.status !== 'draft') {
      throw new ConflictProblem(`The hearing is ${hearing.status} already: it is sent once.`, {
        hearingStatus: hearing.status,
      });
    }
    const today = this.calendar.today();
    const delivery = toDelivery(input.delivery);
    const future = recordedDays(delivery).filter(([, day]) => day > today);
    if (future.length > 0) {
      throw new ValidationProblem(
        future.map(([field]) => ({
          field: `delivery.${field}`,
          message: 'must not be in the future',
        })),
      );
    }
    refuseDaysBefore(delivery, berlinDateOf(hearing.createdAt), 'the day the hearing was drafted');
    const notified = notificationDate(delivery);
    if (!notified.ok) {
      throw new ValidationProblem([
        { field: `delivery.${notified.error.field}`, message: notified.error.message },
      ]);
    }
    const before = auditView(hearing);
    hearing.addressees = await addresseesFor(this.cases, found.propertyId, today);
    hearing.delivery = delivery;
    hearing.notifiedOn = notified.value.notifiedOn;
    hearing.replyDueOn = periodInDays({
      notifiedOn: notified.value.notifiedOn,
      days: hearing.replyDays,
    }).endsOn;
    hearing.letterIds = await this.issueLetters(hearing, found.id, input, actor, {
      date: letterDate(
        recordedDays(delivery).map(([, day]) => day),
        today,
      ),
    });
    hearing.sentAt = new Date();
    hearing.status = 'sent';
    const saved = await this.hearings.save(hearing);
    await this.audit.record({
      action: 'hearing.sent',
      entityType: 'hearing',
      entityId: id,
      before,
      after: { ...auditView(saved), notificationRule: notified.value.rule.id },
    });
    await this.events.record([{ caseId: found.id, hearingId: id, kind: 'hearing-sent' }]);
    return this.views.one(saved);
  }

  @Transactional()
  async close(id: string, input: CloseHearingDto): Promise<HearingDto> {
    const { hearing, found } = await this.locked(id);
    if (hearing.status !== 'sent') {
      throw new ConflictProblem(
        hearing.status === 'draft'
          ? 'The hearing has not been sent: send it before closing it.'
          : 'The hearing is closed already.',
        { hearingStatus: hearing.status },
      );
    }
    const before = auditView(hearing);
    hearing.status = 'closed';
    hearing.closedAt = new Date();
    hearing.closeNote = input.note ?? null;
    const saved = await this.hearings.save(hearing);
    await this.audit.record({
      action: 'hearing.closed',
      entityType: 'hearing',
      entityId: id,
      before,
      after: auditView(saved),
    });
    await this.events.record([{ caseId: found.id, hearingId: id, kind: 'hearing-closed' }]);
    return this.views.one(saved);
  }

  /**
   * The stored PDF of one of the hearing's letters (404 for a letter that is not this hearing's).
   * Reading a letter is reading personal data: the audit trail records it, ids only.
   */
  @Transactional()
  async letterFile(id: string, letterId: string): Promise<LetterFile> {
    const hearing = await this.hearings.findById(id);
    if (!hearing) throw new NotFoundProblem('Hearing');
    if (!hearing.letterIds.includes(letterId)) throw new NotFoundProblem('Letter');
    const file = await this.letters.file(letterId);
    await this.audit.record({
      action: 'letter.read',
      entityType: 'letter',
      entityId: letterId,
      after: { hearingId: id, caseId: hearing.caseId },
    });
    return file;
  }

  /**
   * The hearing's letters: its defects as the intended items with the periods an order would
   * give them, the reply date, the facts found. Addressees are the frozen snapshot.
   */
  private async issueLetters(
    hearing: Hearing,
    caseId: string,
    input: SendHearingDto,
    actor: AuthenticatedUser,
    { date }: { date: string },
  ): Promise<string[]> {
    const facts = await this.orders.caseLetterFacts(caseId);
    const defectIds = (await this.hearings.defectIdsOf([hearing.id])).get(hearing.id) ?? [];
    const defects = await this.orders.defectLetterFacts(defectIds);
    const found =
      defects.length === 1
        ? 'den oben aufgeführten Mangel'
        : `die oben unter Nr. 1 bis ${defects.length} aufgeführten Mängel`;
    return issuePerAddressee(this.letters, {
      kind: 'hearing',
      templateKey: 'hearing',
      reference: facts.reference,
      addressees: hearing.addressees!,
      data: {
        date,
        ...frame(facts, actor),
        items: defects.map((defect) => ({
          text: defectText(defect),
          period: intendedPeriod(defect),
          coerciveFineCents: null,
        })),
        replyBy: hearing.replyDueOn,
        reasoning: [
          `Bei der Überprüfung des Grundstücks${foundOnText(defects)} hat die Wohnungsaufsicht ${found} festgestellt.`,
          ...(input.reasoning ?? []),
        ],
      },
    });
  }

  /** The case first, then the hearing: every command on a case locks in that order. */
  private async locked(id: string) {
    const peek = await this.hearings.findById(id);
    if (!peek) throw new NotFoundProblem('Hearing');
    const found = await lockOpenCase(this.cases, peek.caseId);
    const hearing = (await this.hearings.findByIdForUpdate(id))!;
    return { hearing, found };
  }
}
