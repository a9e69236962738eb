/**
 * Which deadline jobs should exist for the current state of an item, a hearing or an order, and
 * how the stored jobs change to match. Pure: the scheduler loads the sources and the stored rows,
 * asks here, and writes the answer in the same transaction as the command that changed the data.
 */
import type { HearingStatus } from '../hearings/hearing.entity';
import { type OrderItemStatus, type OrderStatus, runsDeadlines } from '../orders/order-lifecycle';
import type { LegalDate } from '../rules/legal-date';
import type { DeadlineJobKind, DeadlineSchedule } from './deadline-schedule';

export const DEADLINE_SOURCE_TYPES = ['order_item', 'hearing', 'order'] as const;
export type DeadlineSourceType = (typeof DEADLINE_SOURCE_TYPES)[number];

interface SourceOfCase {
  caseId: string;
  /** A closed case is read-only: none of its deadlines is watched. */
  caseOpen: boolean;
}

export interface ItemDeadlineSource extends SourceOfCase {
  type: 'order_item';
  id: string;
  orderStatus: OrderStatus;
  immediatelyEnforceable: boolean;
  status: OrderItemStatus;
  dueOn: LegalDate | null;
  dueAt: Date | null;
}

export interface HearingDeadlineSource extends SourceOfCase {
  type: 'hearing';
  id: string;
  status: HearingStatus;
  replyDueOn: LegalDate | null;
}

export interface OrderFinalitySource extends SourceOfCase {
  type: 'order';
  id: string;
  status: OrderStatus;
  challengeEndsOn: LegalDate | null;
  suitFiledOn: LegalDate | null;
  suitLate: boolean;
}

export type DeadlineSource = ItemDeadlineSource | HearingDeadlineSource | OrderFinalitySource;

export interface PlannedDeadlineJob {
  sourceType: DeadlineSourceType;
  sourceId: string;
  caseId: string;
  kind: DeadlineJobKind;
  dueOn: LegalDate;
  fireAt: Date;
}

export interface StoredDeadlineJob {
  id: string;
  sourceId: string;
  kind: string;
  dueOn: LegalDate;
  status: 'pending' | 'done' | 'cancelled';
  fireAt: Date;
}

/** The jobs a source should have: none once its deadline no longer runs. */
export function plannedDeadlineJobs(
  source: DeadlineSource,
  schedule: DeadlineSchedule,
): PlannedDeadlineJob[] {
  if (!source.caseOpen) return [];
  const base = { sourceType: source.type, sourceId: source.id, caseId: source.caseId };
  const withReminders = (dueOn: LegalDate, dueAt: Date | null): PlannedDeadlineJob[] => {
    const passedAt = schedule.passedAt(dueOn, dueAt);
    const reminders = schedule.reminderKinds.map((kind) => ({
      ...base,
      kind,
      dueOn,
      fireAt: schedule.reminderAt(kind as `remind-${number}`, dueOn),
    }));
    // An hour period may end before the reminder time of its last day: no "Frist heute" after it.
    return [
      ...reminders.filter((job) => job.fireAt < passedAt),
      { ...base, kind: 'passed', dueOn, fireAt: passedAt },
    ];
  };
  switch (source.type) {
    case 'order_item': {
      // A complied item needs no reminder, and a suit suspends an order that is not immediately
      // enforceable: its periods do not run, so nothing is due.
      const running = runsDeadlines({
        status: source.orderStatus,
        immediatelyEnforceable: source.immediatelyEnforceable,
      });
      if (!running || source.status !== 'open' || source.dueOn === null) return [];
      return withReminders(source.dueOn, source.dueAt);
    }
    case 'hearing':
      if (source.status !== 'sent' || source.replyDueOn === null) return [];
      return withReminders(source.replyDueOn, null);
    case 'order': {
      // A suit in time keeps the order from becoming final by the calendar; a late one does not.
      const suitInTime = source.suitFiledOn !== null && !source.suitLate;
      if (source.status !== 'served' || source.challengeEndsOn === null || suitInTime) return [];
      return [
        {
          ...base,
          kind: 'final',
          dueOn: source.challengeEndsOn,
          fireAt: schedule.passedAt(source.challengeEndsOn, null),
        },
      ];
    }
  }
}

export interface DeadlineJobChanges {
  insert: PlannedDeadlineJob[];
  /** Cancelled jobs wanted again (a deadline moved back): pending again, at this time. */
  reactivate: Array<{ id: string; fireAt: Date }>;
  /** Pending jobs whose time changed (a new reminder time of day). */
  retime: Array<{ id: string; fireAt: Date }>;
  cancel: string[];
}

const keyOf = (job: { sourceId: string; kind: string; dueOn: LegalDate }) =>
  `${job.sourceId}|${job.kind}|${job.dueOn}`;

/**
 * How the stored jobs of some sources change to match the planned ones. A reminder whose time has
 * already passed when its deadline becomes known is not created (a "7 days before" note two days
 * before is noise); one already stored stays pending and runs late, because it was missed.
 * "Passed" and "final" are always created: they record what happened, however late.
 */
export function deadlineJobChanges(
  planned: readonly PlannedDeadlineJob[],
  stored: readonly StoredDeadlineJob[],
  now: Date,
): DeadlineJobChanges {
  const storedByKey = new Map(stored.map((job) => [keyOf(job), job]));
  const plannedKeys = new Set(planned.map(keyOf));
  const tooLate = (job: PlannedDeadlineJob) =>
    job.kind.startsWith('remind-') && job.fireAt.getTime() < now.getTime();
  const changes: DeadlineJobChanges = { insert: [], reactivate: [], retime: [], cancel: [] };
  for (const job of planned) {
    const existing = storedByKey.get(keyOf(job));
    if (!existing) {
      if (!tooLate(job)) changes.insert.push(job);
    } else if (existing.status === 'cancelled') {
      if (!tooLate(job)) changes.reactivate.push({ id: existing.id, fireAt: job.fireAt });
    } else if (
      existing.status === 'pending' &&
      existing.fireAt.getTime() !== job.fireAt.getTime()
    ) {
      changes.retime.push({ id: existing.id, fireAt: job.fireAt });
    }
  }
  for (const job of stored) {
    if (job.status === 'pending' && !plannedKeys.has(keyOf(job))) changes.cancel.push(job.id);
  }
  return changes;
}

/** The job's id in BullMQ (no ':'; ARCHITECTURE.md, Jobs). */
export function deadlineJobId(job: { sourceId: string; kind: string; dueOn: LegalDate }): string {
  return `deadline-${job.sourceId}-${job.kind}-${job.dueOn}`;
}
