import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@hausakte/auth';
import { LegalCalendar } from '@hausakte/landlords';
import { AuditTrail, ConflictProblem, NotFoundProblem, Transactional } from '@hausakte/platform';
import { addresseesFor } from '../cases/addressees';
import { CaseRepository } from '../cases/case.repository';
import { HearingRepository } from '../hearings/hearing.repository';
import type { LetterData, LetterTemplateKey } from '../letters/letter-template-content';
import { germanDate } from '../letters/letter-composition';
import { LettersService, type LetterFile } from '../letters/letters.service';
import { recordedDays } from './delivery.dto';
import type { Order, OrderKind } from './order.entity';
import { OrderRepository } from './order.repository';
import {
  defectText,
  foundOnText,
  frame,
  issuePerAddressee,
  letterAddressee,
  letterDate,
  paragraphsOf,
} from './record-letters';

/** The letter template of each kind of order. */
const ORDER_TEMPLATE: Readonly<Record<OrderKind, LetterTemplateKey>> = {
  repair: 'repair_order',
  uninhabitability: 'uninhabitability_order',
  occupancy: 'occupancy_order',
  cooperation: 'cooperation_order',
};

/**
 * An order's letters: the ones it is issued as (one per addressee), the preview of a draft, and
 * the stored PDFs, whose every read is audited.
 */
@Injectable()
export class OrderLettersService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly hearings: HearingRepository,
    private readonly cases: CaseRepository,
    private readonly calendar: LegalCalendar,
    private readonly audit: AuditTrail,
    private readonly letters: LettersService,
  ) {}

  /**
   * Issues the order's letters dated `today`, one per addressee (frozen on the order already),
   * in the caller's transaction; returns their ids.
   */
  async issue(order: Order, actor: AuthenticatedUser, today: string): Promise<string[]> {
    const { reference, data } = await this.letterData(order, actor, today);
    return issuePerAddressee(this.letters, {
      kind: 'order',
      templateKey: ORDER_TEMPLATE[order.kind],
      reference,
      addressees: order.addressees!,
      data,
    });
  }

  /**
   * The letter a draft would be issued as today, to its first addressee in charge today; nothing
   * is stored. An issued order's letters are its record: 409, download those instead.
   */
  async letterPreview(id: string, actor: AuthenticatedUser): Promise<Buffer> {
    const order = await this.orders.findById(id);
    if (!order) throw new NotFoundProblem('Order');
    if (order.status !== 'draft') {
      throw new ConflictProblem(
        `The order is ${order.status}: its issued letters are the record, download those.`,
        { orderStatus: order.status },
      );
    }
    const { propertyId } = await this.orders.caseLetterFacts(order.caseId);
    const today = this.calendar.today();
    const [first] = await addresseesFor(this.cases, propertyId, today);
    const { reference, data } = await this.letterData(order, actor, today);
    return this.letters.preview(ORDER_TEMPLATE[order.kind], reference, {
      ...data,
      addressee: letterAddressee(first),
    });
  }

  /**
   * The stored PDF of one of the order's letters (404 for a letter that is not this order's).
   * Reading a letter is reading personal data: the audit trail records it, ids only.
   */
  @Transactional()
  async letterFile(id: string, letterId: string): Promise<LetterFile> {
    const order = await this.orders.findById(id);
    if (!order) throw new NotFoundProblem('Order');
    if (!order.letterIds.includes(letterId)) throw new NotFoundProblem('Letter');
    const file = await this.letters.file(letterId);
    await this.audit.record({
      action: 'letter.read',
      entityType: 'letter',
      entityId: letterId,
      after: { orderId: id, caseId: order.caseId },
    });
    return file;
  }

  /**
   * The order's letter data but the addressee: its items with their periods as periods (the
   * letter never names a due date: those exist once service is recorded), the fine per item,
   * immediate enforcement with its reasons, the facts found and the hearing (or why it was
   * skipped). The legal basis and the instructions on legal remedies are the template's.
   */
  private async letterData(
    order: Order,
    actor: AuthenticatedUser,
    date: string,
  ): Promise<{ reference: string; data: Omit<LetterData, 'addressee'> }> {
    const facts = await this.orders.caseLetterFacts(order.caseId);
    const items = (await this.orders.itemsOf([order.id])).filter(
      (item) => item.status !== 'withdrawn',
    );
    const itemDefects = await this.orders.itemDefects(items.map((item) => item.id));
    const defects = await this.orders.defectLetterFacts([
      ...new Set([...itemDefects.values()].flatMap((entry) => entry.defectIds)),
    ]);
    const reasoning: string[] = [];
    if (defects.length > 0) {
      reasoning.push(
        `Bei der Überprüfung des Grundstücks${foundOnText(defects)} hat die Wohnungsaufsicht folgende Mängel festgestellt:`,
        ...defects.map((defect) => `– ${defectText(defect)}`),
      );
    }
    if (order.hearingId) {
      const hearing = await this.hearings.findById(order.hearingId);
      const sentOn = hearing?.delivery
        ? letterDate(
            recordedDays(hearing.delivery).map(([, day]) => day),
            hearing.notifiedOn ?? date,
          )
        : null;
      reasoning.push(
        sentOn
          ? `Mit Schreiben vom ${germanDate(sentOn)} habe ich Sie hierzu nach § 28 Abs. 1 VwVfG NRW angehört.`
          : 'Ich habe Sie hierzu nach § 28 Abs. 1 VwVfG NRW angehört.',
      );
    } else if (order.hearingSkippedReason) {
      reasoning.push(
        'Von einer Anhörung habe ich nach § 28 Abs. 2 VwVfG NRW abgesehen:',
        ...paragraphsOf(order.hearingSkippedReason),
      );
    }
    return {
      reference: facts.reference,
      data: {
        date,
        ...frame(facts, actor),
        items: items.map((item) => ({
          text: item.requirement,
          period: { unit: item.periodUnit, amount: item.periodAmount },
          coerciveFineCents: item.threatenedFineCents,
        })),
        reasoning,
        immediateEnforcement:
          order.immediatelyEnforceable && order.immediateEnforcementReasoning
            ? { reasoning: paragraphsOf(order.immediateEnforcementReasoning) }
            : null,
      },
    };
  }
}
