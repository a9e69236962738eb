/**
 * The stage of a case shown to people (DOMAIN.md, Lifecycles), derived from its hearings and
 * orders, since one case can hold several: the most advanced step still running wins.
 * - `enforcing`: an item of a live order was found not complied or escalated;
 * - `monitoring`: an order is served (or challenged): its periods run;
 * - `ordered`: an order is drafted or issued, not yet served;
 * - `hearing`: a hearing is drafted or sent and not closed;
 * - `investigation`: none of these (defects being gathered);
 * - `closed`: the case is closed.
 * Pure: no imports beyond the order vocabulary.
 */
import type { OrderItemStatus, OrderStatus } from '../orders/order-lifecycle';

export const CASE_STAGES = [
  'investigation',
  'hearing',
  'ordered',
  'monitoring',
  'enforcing',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export function caseStage(input: {
  caseStatus: 'open' | 'closed';
  hearingStatuses: readonly string[];
  orders: ReadonlyArray<{ status: OrderStatus; itemStatuses: readonly OrderItemStatus[] }>;
}): CaseStage {
  if (input.caseStatus === 'closed') return 'closed';
  const live = input.orders.filter((o) => o.status === 'served' || o.status === 'challenged');
  if (live.some((o) => o.itemStatuses.some((s) => s === 'not_complied' || s === 'escalated'))) {
    return 'enforcing';
  }
  if (live.length > 0) return 'monitoring';
  if (input.orders.some((o) => o.status === 'draft' || o.status === 'issued')) return 'ordered';
  if (input.hearingStatuses.some((s) => s === 'draft' || s === 'sent')) return 'hearing';
  return 'investigation';
}
