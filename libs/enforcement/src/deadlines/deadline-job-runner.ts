import { Injectable, Logger } from '@nestjs/common';
import { InspectionsService } from '@hausakte/inspections';
import { Outbox } from '@hausakte/jobs';
import { NotificationsService } from '@hausakte/notifications';
import { AuditTrail, berlinDateOf, Transactional } from '@hausakte/platform';
import { CaseRepository } from '../cases/case.repository';
import { onBehalfOf } from '../cases/on-behalf-of';
import { germanDate } from '../letters/letter-composition';
import { nextWorkingDayFrom } from '../rules/nrw-holidays';
import { OrderRepository } from '../orders/order.repository';
import { addDays, daysBetween } from '../rules/legal-date';
import { DeadlineFactsRepository, type CaseFacts } from './deadline-facts.repository';
import { DeadlineJobRepository, type DeadlineJobRow } from './deadline-job.repository';
import { DeadlineScheduler } from './deadline-scheduler';
import { berlinInstant } from './deadline-schedule';
import { describeNextStep, nextLegalStep } from './next-legal-step';

/** A job that wakes a little early (clock skew between hosts) still acts. */
const EARLY_TOLERANCE_MS = 1000;
const RESYNC_BATCH = 200;

export type DeadlineRunOutcome = 'done' | 'not-pending' | 'early' | 'cancelled';

function caseLink(caseId: string): string {
  return `/vorgaenge/${caseId}`;
}

/**
 * The worker's side of the deadlines: runs a due deadline job once (its notification, events and
 * the row marked done commit together), sends the daily digest, proposes the next legal step
 * after a re-inspection, and derives every deadline's jobs again (nightly and at start).
 */
@Injectable()
export class DeadlineJobRunner {
  private readonly logger = new Logger(DeadlineJobRunner.name);

  constructor(
    private readonly jobs: DeadlineJobRepository,
    private readonly facts: DeadlineFactsRepository,
    private readonly scheduler: DeadlineScheduler,
    private readonly notifications: NotificationsService,
    private readonly inspections: InspectionsService,
    private readonly cases: CaseRepository,
    private readonly orders: OrderRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Runs one deadline job. The row is locked (after its case, as commands lock), checked against
   * the current data (a deadline moved or ended since cancels it), acted on and marked done in one
   * transaction: run twice, it acts once.
   */
  @Transactional()
  async run(deadlineJobId: string, now = new Date()): Promise<DeadlineRunOutcome> {
    const locked = await this.jobs.lockWithCase(deadlineJobId);
    if (!locked || locked.status !== 'pending') return 'not-pending';
    // Queued for an earlier time (the reminder time changed): the sweeper queues it again.
    if (locked.fireAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return 'early';
    const changed = await this.scheduler.sync(scopeOf(locked), now);
    if (changed.cancelled.includes(locked.id)) return 'cancelled';
    // Given another time (the reminder time changed): the sweeper queues it for that time.
    if (changed.retimed.includes(locked.id)) return 'early';
    await this.act(locked, now);
    await this.jobs.markDone(locked.id);
    return 'done';
  }

  private async act(row: DeadlineJobRow, now: Date): Promise<void> {
    if (row.kind.startsWith('remind-')) return this.remind(row);
    if (row.kind === 'passed' && row.sourceType === 'order_item') return this.itemPassed(row, now);
    if (row.kind === 'passed' && row.sourceType === 'hearing') return this.hearingPassed(row);
    if (row.kind === 'final') return this.orderFinal(row);
    throw new Error(`Deadline job ${row.id} has an unknown kind ${row.kind}`);
  }

  private async remind(row: DeadlineJobRow): Promise<void> {
    // Counted from the day it is sent: a reminder moved off a weekend comes a day or two earlier.
    const sentOn = berlinDateOf(this.scheduler.schedule.toCalendar(row.fireAt));
    const days = daysBetween(sentOn, row.dueOn);
    const when = days <= 0 ? 'heute' : days === 1 ? 'morgen' : `in ${days} Tagen`;
    if (row.sourceType === 'order_item') {
      const item = await this.required(this.facts.ofItem(row.sourceId), row);
      await this.notifyOfficer(row, item, {
        kind: 'deadline-reminder',
        subject: `Frist ${when}: Nr. ${item.number} der Anordnung, ${item.reference}`,
        body:
          `${item.requirement}\n\nObjekt: ${item.address ?? '–'}\n` +
          `Frist: ${germanDate(row.dueOn)}`,
        entity: { type: 'order_item', id: item.itemId },
      });
      return;
    }
    const hearingCase = await this.required(this.facts.ofCase(row.caseId), row);
    await this.notifyOfficer(row, hearingCase, {
      kind: 'hearing-reminder',
      subject: `Anhörungsfrist ${when}: ${hearingCase.reference}`,
      body: `Objekt: ${hearingCase.address ?? '–'}\nÄußerungsfrist: ${germanDate(row.dueOn)}`,
      entity: { type: 'hearing', id: row.sourceId },
    });
  }

  /**
   * An item's period has passed: the item counts as overdue (an event, and the map's risk
   * follows), and a re-inspection of the property is planned unless one is, notifying whoever
   * goes: the district's inspector, else the officer.
   */
  private async itemPassed(row: DeadlineJobRow, now: Date): Promise<void> {
    const item = await this.required(this.facts.ofItem(row.sourceId), row);
    await this.orders.recordEvents([
      { caseId: item.caseId, orderId: item.orderId, itemId: item.itemId, kind: 'item-overdue' },
    ]);
    // On the case's timeline, by the system (no actor).
    await this.audit.record({
      action: 'order_item.overdue',
      entityType: 'order_item',
      entityId: item.itemId,
      after: { dueOn: row.dueOn },
    });
    await this.propertyChanged(row, item.propertyId);
    if (await this.facts.plannedReinspection(item.propertyId, now)) return;
    const inspectorId =
      (await this.cases.districtInspectorOf(item.propertyId)) ??
      ((await this.facts.isActiveUser(item.officerId)) ? item.officerId : null);
    if (inspectorId === null) {
      // Nobody to send and nobody to plan for: the digest shows the overdue item to whoever
      // takes the case over; the job must not fail for ever.
      this.logger.warn({ deadlineJobId: row.id }, 'No active inspector or officer to plan for');
      return;
    }
    const day = nextWorkingDayFrom(addDays(berlinDateOf(now), 1));
    const planned = await this.inspections.plan(
      {
        propertyId: item.propertyId,
        kind: 'reinspection',
        scheduledAt: berlinInstant(day, '09:00').toISOString(),
        inspectorIds: [inspectorId],
        reason: `Nachkontrolle: Frist von Nr. ${item.number} der Anordnung ${item.reference} am ${germanDate(row.dueOn)} abgelaufen`,
      },
      onBehalfOf(item.officerId),
    );
    await this.notifications.notify({
      dedupKey: `deadline-${row.id}`,
      recipientId: inspectorId,
      kind: 'reinspection-planned',
      subject: `Nachkontrolle geplant: ${item.address ?? item.reference}`,
      body:
        `Die Frist von Nr. ${item.number} der Anordnung ${item.reference} ist am ` +
        `${germanDate(row.dueOn)} abgelaufen. Nachkontrolle am ${germanDate(day)}, 09:00 Uhr.`,
      link: `/begehungen/${planned.id}`,
      entity: { type: 'inspection', id: planned.id },
    });
  }

  private async hearingPassed(row: DeadlineJobRow): Promise<void> {
    const hearingCase = await this.required(this.facts.ofCase(row.caseId), row);
    await this.notifyOfficer(row, hearingCase, {
      kind: 'hearing-period-ended',
      subject: `Anhörungsfrist abgelaufen: ${hearingCase.reference}`,
      body:
        `Die Äußerungsfrist endete am ${germanDate(row.dueOn)}. ` +
        'Die Anordnung kann erlassen werden, nachdem Äußerungen gewürdigt sind.',
      entity: { type: 'hearing', id: row.sourceId },
    });
  }

  /** The challenge period passed without a suit: the order is final (bestandskräftig). */
  private async orderFinal(row: DeadlineJobRow): Promise<void> {
    const orderCase = await this.required(this.facts.ofCase(row.caseId), row);
    await this.orders.recordEvents([
      { caseId: row.caseId, orderId: row.sourceId, kind: 'order-final' },
    ]);
    await this.audit.record({
      action: 'order.final',
      entityType: 'order',
      entityId: row.sourceId,
      after: { challengeEndsOn: row.dueOn },
    });
    await this.propertyChanged(row, orderCase.propertyId);
    await this.notifyOfficer(row, orderCase, {
      kind: 'order-final',
      subject: `Anordnung bestandskräftig: ${orderCase.reference}`,
      body:
        `Die Klagefrist endete am ${germanDate(row.dueOn)}. Sofern keine Klage eingegangen ` +
        'ist (auch nicht am letzten Tag), können nicht erfüllte Punkte vollstreckt werden.',
      entity: { type: 'order', id: row.sourceId },
    });
  }

  /**
   * A re-inspection found a defect not remedied: for every pending item that holds it, the officer
   * is told the next legal step. Once per item and inspection.
   */
  @Transactional()
  async proposeNextStep(defectId: string, inspectionId: string, now = new Date()): Promise<number> {
    const today = berlinDateOf(this.scheduler.schedule.toCalendar(now));
    let proposed = 0;
    for (const item of await this.facts.itemsHoldingDefect(defectId)) {
      const step = nextLegalStep(item, now, today);
      const created = await this.notifications.notify({
        dedupKey: `next-step-${item.itemId}-${inspectionId}`,
        recipientId: item.officerId,
        kind: 'next-legal-step',
        subject: `Mangel nicht behoben: Nr. ${item.number} der Anordnung ${item.reference}`,
        body:
          `Objekt: ${item.address ?? '–'}\n${describeNextStep(step)}` +
          (item.severity === 'C'
            ? '\nSchwerer Mangel: Unbewohnbarkeitserklärung prüfen (§ 9 WohnStG).'
            : ''),
        link: caseLink(item.caseId),
        entity: { type: 'order_item', id: item.itemId },
      });
      if (!created.created) continue;
      await this.orders.recordEvents([
        {
          caseId: item.caseId,
          orderId: item.orderId,
          itemId: item.itemId,
          kind: 'next-step-proposed',
        },
      ]);
      proposed++;
    }
    return proposed;
  }

  /** Each officer's digest of the week's deadlines, once per day. */
  @Transactional()
  async sendDigest(day: string): Promise<number> {
    if (await this.facts.digestSent(day)) return 0;
    const lines = await this.facts.digest(day);
    for (const line of lines) {
      const next = line.next
        .map((entry) => `${germanDate(entry.dueOn)}  ${entry.reference}  ${entry.what}`)
        .join('\n');
      await this.notifications.notify({
        dedupKey: `digest-${line.officerId}-${day}`,
        recipientId: line.officerId,
        kind: 'deadline-digest',
        subject: `Fristen der Woche ab ${germanDate(day)}: ${line.overdue} überfällig, ${line.dueThisWeek + line.repliesThisWeek} fällig`,
        body:
          `Überfällige Punkte: ${line.overdue}\nPunkte fällig in 7 Tagen: ${line.dueThisWeek}\n` +
          `Anhörungsfristen in 7 Tagen: ${line.repliesThisWeek}` +
          (next ? `\n\n${next}` : ''),
        link: '/vorgaenge',
      });
    }
    await this.facts.recordDigest(day);
    return lines.length;
  }

  /**
   * Derives the jobs of every deadline again, case by case (each batch one transaction, cases
   * locked as a command locks them). Repairs what no command did: deadlines on file before the
   * jobs existed, a changed reminder time, a row lost to a bug.
   */
  async resyncAll(now = new Date()): Promise<number> {
    let after: string | null = null;
    let cases = 0;
    for (;;) {
      const batch = await this.resyncBatch(after, now);
      cases += batch.length;
      if (batch.length < RESYNC_BATCH) return cases;
      after = batch[batch.length - 1];
    }
  }

  @Transactional()
  private async resyncBatch(after: string | null, now: Date): Promise<string[]> {
    const caseIds = await this.jobs.lockCasesWithDeadlines(after, RESYNC_BATCH);
    if (caseIds.length > 0) await this.scheduler.sync(await this.jobs.scopeOfCases(caseIds), now);
    return caseIds;
  }

  private async notifyOfficer(
    row: DeadlineJobRow,
    facts: CaseFacts,
    message: { kind: string; subject: string; body: string; entity: { type: string; id: string } },
  ): Promise<void> {
    await this.notifications.notify({
      dedupKey: `deadline-${row.id}`,
      recipientId: facts.officerId,
      link: caseLink(facts.caseId),
      ...message,
    });
  }

  private async propertyChanged(row: DeadlineJobRow, propertyId: string): Promise<void> {
    await this.outbox.add({
      job: 'property-changed',
      jobId: `property-changed-deadline-${row.id}`,
      payload: { propertyId },
    });
  }

  private async required<T>(found: Promise<T | null>, row: DeadlineJobRow): Promise<T> {
    const value = await found;
    if (value === null) {
      this.logger.error({ deadlineJobId: row.id }, 'The deadline job points at nothing');
      throw new Error(`Deadline job ${row.id}: its ${row.sourceType} is gone`);
    }
    return value;
  }
}

function scopeOf(row: DeadlineJobRow) {
  switch (row.sourceType) {
    case 'order_item':
      return { itemIds: [row.sourceId] };
    case 'hearing':
      return { hearingIds: [row.sourceId] };
    case 'order':
      return { orderIds: [row.sourceId] };
  }
}
