// Words and badges for cases, hearings, orders and their items: stages, states, kinds, periods,
// amounts and delivery methods. Unknown values (a newer api) are shown as they are.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  caseStages,
  deliveryMethods,
  hearingStatuses,
  orderItemStatuses,
  orderKinds,
  orderStatuses,
  type CaseStage,
  type HearingStatus,
  type OrderItemStatus,
  type OrderStatus,
  type Period,
} from '../enforcement-api';
import { formatDate, splitAddress } from '../format';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function stageLabel(t: TFunction, stage: string): string {
  return isOneOf(caseStages, stage) ? t(`caseStages.${stage}`) : stage;
}

export function orderKindLabel(t: TFunction, kind: string): string {
  return isOneOf(orderKinds, kind) ? t(`orderKinds.${kind}`) : kind;
}

export function orderStatusLabel(t: TFunction, status: string): string {
  return isOneOf(orderStatuses, status) ? t(`orderStatuses.${status}`) : status;
}

export function itemStatusLabel(t: TFunction, status: string): string {
  return isOneOf(orderItemStatuses, status) ? t(`orderItemStatuses.${status}`) : status;
}

export function hearingStatusLabel(t: TFunction, status: string): string {
  return isOneOf(hearingStatuses, status) ? t(`hearingStatuses.${status}`) : status;
}

export function deliveryMethodLabel(t: TFunction, method: string): string {
  return isOneOf(deliveryMethods, method) ? t(`deliveryMethods.${method}`) : method;
}

/** "30 Tage", "24 Stunden" */
export function periodText(t: TFunction, period: Period): string {
  return period.unit === 'hours'
    ? t('enforcement.hours', { count: period.amount })
    : t('enforcement.days', { count: period.amount });
}

/** 50000 → "500,00 €" */
export function formatCents(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}

/** A legal date or a dash. */
export function dayText(t: TFunction, day: string | null, language: string): string {
  return day ? formatDate(day, language) : t('common.none');
}

const knownActions = [
  'case.opened',
  'case.updated',
  'case.defects_linked',
  'case.closed',
  'case.reopened',
  'hearing.drafted',
  'hearing.sent',
  'hearing.closed',
  'order.drafted',
  'order.issued',
  'order.served',
  'order.withdrawn',
  'order.challenged',
  'order.suit_late',
  'order.closed',
  'order.suit_dismissed',
  'order.annulled',
  'order_item.complied',
  'order_item.not_complied',
  'order_item.closed',
  'order_item.withdrawn',
  'order_item.escalated',
  'order_item.period_extended',
  'order_item.overdue',
  'order.final',
] as const;

/** "order.served" → "Anordnung zugestellt"; an unknown action is shown as it is. */
export function timelineActionLabel(t: TFunction, action: string): string {
  if (!isOneOf(knownActions, action)) return action;
  const key = action.replace('.', '_') as Replace<(typeof knownActions)[number]>;
  return t(`timelineActions.${key}`);
}

type Replace<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${B}` : S;

const stageTone: Record<CaseStage, string> = {
  investigation: 'badge badge--quiet',
  hearing: 'badge',
  ordered: 'badge',
  monitoring: 'badge badge--success',
  enforcing: 'badge badge--danger',
  closed: 'badge badge--quiet',
};

export function StageBadge({ stage }: { stage: string }) {
  const { t } = useTranslation();
  const tone = isOneOf(caseStages, stage) ? stageTone[stage] : 'badge';
  return (
    <span className={tone} data-testid="case-stage">
      {stageLabel(t, stage)}
    </span>
  );
}

const orderTone: Record<OrderStatus, string> = {
  draft: 'badge badge--quiet',
  issued: 'badge',
  served: 'badge badge--success',
  challenged: 'badge badge--warning',
  closed: 'badge badge--quiet',
  withdrawn: 'badge badge--quiet',
  annulled: 'badge badge--quiet',
};

export function OrderStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const tone = isOneOf(orderStatuses, status) ? orderTone[status] : 'badge';
  return (
    <span className={tone} data-testid="order-status">
      {orderStatusLabel(t, status)}
    </span>
  );
}

const itemTone: Record<OrderItemStatus, string> = {
  open: 'badge',
  complied: 'badge badge--success',
  not_complied: 'badge badge--danger',
  escalated: 'badge badge--danger',
  closed: 'badge badge--quiet',
  withdrawn: 'badge badge--quiet',
};

export function ItemStatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation();
  const tone = isOneOf(orderItemStatuses, status) ? itemTone[status] : 'badge';
  return (
    <>
      <span className={tone} data-testid="item-status">
        {itemStatusLabel(t, status)}
      </span>
      {overdue && <span className="badge badge--danger"> {t('cases.overdue')}</span>}
    </>
  );
}

const hearingTone: Record<HearingStatus, string> = {
  draft: 'badge badge--quiet',
  sent: 'badge',
  closed: 'badge badge--quiet',
};

export function HearingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const tone = isOneOf(hearingStatuses, status) ? hearingTone[status] : 'badge';
  return (
    <span className={tone} data-testid="hearing-status">
      {hearingStatusLabel(t, status)}
    </span>
  );
}

/** "Bahnhofstraße 12" and "44623 Herne" of a case's property, or a dash. */
export function caseAddress(address: string | null): [string, string] {
  return address ? splitAddress(address) : ['–', ''];
}
