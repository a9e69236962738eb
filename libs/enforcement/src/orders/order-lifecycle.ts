/**
 * The order and order item state machines (DOMAIN.md, Lifecycles), as data. Pure: the service
 * asks `orderTransition` / `itemTransition` and maps a refusal to 409; nothing else decides a
 * status.
 *
 * Order: `draft → issued → served → closed`; `withdrawn` from issued or served; a suit marks a
 * served order `challenged` until the court decides: dismissed → back to `served` (and final),
 * set aside → `annulled`. `closed`, `withdrawn` and `annulled` end it.
 *
 * Item: `open → complied → closed`; `open → not_complied → escalated → complied → closed`;
 * `withdrawn` from any state that has not ended. A coercive fine can be fixed again
 * (`escalated → escalated`), but only with a new served threat: each fixing uses a threat once
 * (the service checks the threat; `order_item_fixings.threat_id` is unique).
 */

export const ORDER_STATUSES = [
  'draft',
  'issued',
  'served',
  'challenged',
  'closed',
  'withdrawn',
  'annulled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_COMMANDS = [
  'issue',
  'record_service',
  'withdraw',
  'record_suit',
  'dismiss_suit',
  'set_aside',
  'close',
] as const;
export type OrderCommand = (typeof ORDER_COMMANDS)[number];

const ORDER_TRANSITIONS: Readonly<
  Record<OrderStatus, Readonly<Partial<Record<OrderCommand, OrderStatus>>>>
> = {
  draft: { issue: 'issued' },
  issued: { record_service: 'served', withdraw: 'withdrawn' },
  served: { withdraw: 'withdrawn', record_suit: 'challenged', close: 'closed' },
  challenged: { dismiss_suit: 'served', set_aside: 'annulled' },
  closed: {},
  withdrawn: {},
  annulled: {},
};

export const ORDER_ITEM_STATUSES = [
  'open',
  'complied',
  'not_complied',
  'escalated',
  'closed',
  'withdrawn',
] as const;
export type OrderItemStatus = (typeof ORDER_ITEM_STATUSES)[number];

export const ORDER_ITEM_COMMANDS = [
  'comply',
  'mark_not_complied',
  'escalate',
  'close',
  'withdraw',
] as const;
export type OrderItemCommand = (typeof ORDER_ITEM_COMMANDS)[number];

const ITEM_TRANSITIONS: Readonly<
  Record<OrderItemStatus, Readonly<Partial<Record<OrderItemCommand, OrderItemStatus>>>>
> = {
  open: { comply: 'complied', mark_not_complied: 'not_complied', withdraw: 'withdrawn' },
  complied: { close: 'closed' },
  not_complied: { escalate: 'escalated', withdraw: 'withdrawn' },
  escalated: { escalate: 'escalated', comply: 'complied', withdraw: 'withdrawn' },
  closed: {},
  withdrawn: {},
};

export type Transition<Status> = { ok: true; to: Status } | { ok: false; reason: string };

export function orderTransition(from: OrderStatus, command: OrderCommand): Transition<OrderStatus> {
  const to = ORDER_TRANSITIONS[from][command];
  if (to !== undefined) return { ok: true, to };
  const allowedFrom = ORDER_STATUSES.filter((status) => ORDER_TRANSITIONS[status][command]);
  return {
    ok: false,
    reason:
      `An order that is ${from} cannot be given "${command}"` +
      (allowedFrom.length > 0 ? ` (only an order that is ${allowedFrom.join(' or ')}).` : '.'),
  };
}

export function itemTransition(
  from: OrderItemStatus,
  command: OrderItemCommand,
): Transition<OrderItemStatus> {
  const to = ITEM_TRANSITIONS[from][command];
  if (to !== undefined) return { ok: true, to };
  const allowedFrom = ORDER_ITEM_STATUSES.filter((status) => ITEM_TRANSITIONS[status][command]);
  return {
    ok: false,
    reason:
      `An order item that is ${from} cannot be given "${command}"` +
      (allowedFrom.length > 0 ? ` (only an item that is ${allowedFrom.join(' or ')}).` : '.'),
  };
}

/** Orders whose deadlines run: items can be complied, found not complied, escalated. */
export function isLiveOrder(status: OrderStatus): boolean {
  return status === 'served' || status === 'challenged';
}

/**
 * Do the order's deadlines run (items count as overdue, can be found not complied)? Only while it
 * is served, or challenged but immediately enforceable: a suit suspends an order that is not
 * (§ 80 Abs. 1 and 2 Nr. 4 VwGO).
 */
export function runsDeadlines(order: {
  status: OrderStatus;
  immediatelyEnforceable: boolean;
}): boolean {
  return (
    order.status === 'served' || (order.status === 'challenged' && order.immediatelyEnforceable)
  );
}

/** An item that has ended: the order closes when every item has. */
export function isEndedItem(status: OrderItemStatus): boolean {
  return status === 'closed' || status === 'withdrawn';
}

/** An item whose duty still stands: past its due date it makes the order overdue. */
export function isPendingItem(status: OrderItemStatus): boolean {
  return status === 'open' || status === 'not_complied' || status === 'escalated';
}

/**
 * May the city enforce now (fix a coercive fine, have the work done)? Only once the order is
 * final or was declared immediately enforceable (§ 55 Abs. 1 VwVG NRW), and only while it stands:
 * a suit suspends it unless it is immediately enforceable (§ 80 Abs. 1 and 2 Nr. 4 VwGO).
 */
export function enforcementRefusal(order: {
  status: OrderStatus;
  final: boolean;
  immediatelyEnforceable: boolean;
}): string | null {
  if (!isLiveOrder(order.status)) {
    return `The order is ${order.status}: only a served order can be enforced.`;
  }
  if (order.status === 'challenged' && !order.immediatelyEnforceable) {
    return 'The suit suspends the order (§ 80 Abs. 1 VwGO): it can be enforced only once the suit is dismissed.';
  }
  if (!order.final && !order.immediatelyEnforceable) {
    return (
      'The order is neither final nor immediately enforceable (§ 55 Abs. 1 VwVG NRW): ' +
      'wait until the challenge period has passed without a suit.'
    );
  }
  return null;
}
