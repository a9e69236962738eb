// The enforcement API (docs/api/enforcement.md): cases, hearings, orders with numbered items,
// their letters and closures, and the signed-in user's inbox. Shapes as in libs/enforcement DTOs.
import {
  etagOf,
  queryString,
  request,
  requestFile,
  segment,
  type FileAnswer,
  type Page,
  type PostalAddress,
  type Role,
} from './api';

/** Who works cases, hearings, orders and letters (DOMAIN.md, roles: "manage cases"). */
export function canManageCases(role: Role): boolean {
  return role === 'officer';
}

export const caseStatuses = ['open', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseStages = [
  'investigation',
  'hearing',
  'ordered',
  'monitoring',
  'enforcing',
  'closed',
] as const;
export type CaseStage = (typeof caseStages)[number];

export interface CaseSummary {
  id: string;
  /** Aktenzeichen, "WA-2026-00042" */
  reference: string;
  propertyId: string;
  propertyAddress: string | null;
  status: CaseStatus;
  stage: CaseStage;
  officerId: string;
  officerName: string;
  notes: string | null;
  closedAt: string | null;
  closeReason: string | null;
  reopenReason: string | null;
  /** `YYYY-MM-DD`: the earliest running deadline (a hearing's reply or a served item). */
  nextDeadline: string | null;
  /** An item of a served order is past due. */
  overdue: boolean;
  version: number;
  createdAt: string;
}

export interface CaseDefect {
  id: string;
  severity: 'A' | 'B' | 'C';
  status: 'open' | 'reported_done' | 'verified' | 'not_remedied';
  description: string;
  room: string | null;
  unitLabel: string | null;
  catalogueCode: string;
  catalogueTitle: { de: string; en: string };
}

export interface CaseTimelineEntry {
  at: string;
  /** `order.served`, `hearing.sent`, `order_item.complied`, … */
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
}

export interface Addressee {
  landlordId: string;
  role: 'owner' | 'joint_owner' | 'manager' | 'head_tenant';
  kind: 'person' | 'company';
  name: string;
  directors: string[];
  postalAddress: PostalAddress | null;
}

export interface RecordLetter {
  id: string;
  landlordId: string | null;
  templateKey: string;
  templateVersion: number;
  sha256: string;
  byteSize: number;
  createdAt: string;
}

export const deliveryMethods = [
  'ordinary_post',
  'registered_handover',
  'registered_return_receipt',
  'postal_service_certificate',
  'personal_delivery',
] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

/** How a letter reached its addressee; which days are needed depends on the method. */
export interface Delivery {
  method: DeliveryMethod;
  postedOn?: string;
  provenReceiptOn?: string | null;
  returnReceiptOn?: string | null;
  certificateOn?: string;
  handedOverOn?: string;
}

export const hearingStatuses = ['draft', 'sent', 'closed'] as const;
export type HearingStatus = (typeof hearingStatuses)[number];

export interface Hearing {
  id: string;
  caseId: string;
  status: HearingStatus;
  defectIds: string[];
  replyDays: number;
  addressees: Addressee[] | null;
  delivery: Delivery | null;
  notifiedOn: string | null;
  replyDueOn: string | null;
  letters: RecordLetter[];
  sentAt: string | null;
  closedAt: string | null;
  closeNote: string | null;
  version: number;
  createdAt: string;
}

export const orderKinds = ['repair', 'uninhabitability', 'occupancy', 'cooperation'] as const;
export type OrderKind = (typeof orderKinds)[number];

export const orderStatuses = [
  'draft',
  'issued',
  'served',
  'challenged',
  'closed',
  'withdrawn',
  'annulled',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderItemStatuses = [
  'open',
  'complied',
  'not_complied',
  'escalated',
  'closed',
  'withdrawn',
] as const;
export type OrderItemStatus = (typeof orderItemStatuses)[number];

export interface Period {
  unit: 'hours' | 'days';
  amount: number;
}

export interface Threat {
  id: string;
  measure: string;
  amountCents: number | null;
  costEstimateCents: number | null;
  threatenedIn: string;
  threatenedOn: string;
  periodDays: number | null;
  dueOn: string | null;
  servedOn: string | null;
  usedByFixingId: string | null;
}

export interface OrderItem {
  id: string;
  number: number;
  requirement: string;
  status: OrderItemStatus;
  defectIds: string[];
  /** Every defect of the item is verified: it can be marked complied. */
  defectsVerified: boolean;
  period: Period;
  periodSource: 'override' | 'catalogue' | 'severity_default';
  periodOverrideReason: string | null;
  threatenedFineCents: number | null;
  /** Set once served. */
  dueOn: string | null;
  dueAt: string | null;
  overdue: boolean;
  threats: Threat[];
  fixings: Array<{ id: string; measure: string; amountCents: number; fixedOn: string }>;
  statusReason: string | null;
}

export interface Order {
  id: string;
  caseId: string;
  kind: OrderKind;
  legalBasis: string;
  status: OrderStatus;
  hearingId: string | null;
  hearingSkippedReason: string | null;
  immediatelyEnforceable: boolean;
  immediateEnforcementReasoning: string | null;
  legalRemedyInstructions: 'correct' | 'missing' | 'wrong';
  addressees: Addressee[] | null;
  issuedAt: string | null;
  letters: RecordLetter[];
  delivery: Delivery | null;
  notifiedOn: string | null;
  notifiedAt: string | null;
  notificationRule: string | null;
  challengeEndsOn: string | null;
  suitFiledOn: string | null;
  suitLate: boolean;
  suitOutcome: 'dismissed' | 'set_aside' | null;
  suitDecidedOn: string | null;
  withdrawnReason: string | null;
  closedAt: string | null;
  final: boolean;
  overdue: boolean;
  items: OrderItem[];
  version: number;
  createdAt: string;
}

export interface AppliedRule {
  id: string;
  basis: string;
}

/** The dates a draft or issued order gets if posted by ordinary post today. */
export interface OrderProjection {
  method: DeliveryMethod;
  postedOn: string;
  notifiedOn: string;
  notificationRule: AppliedRule;
  notifiedAt: string;
  challengeEndsOn: string;
  items: Array<{
    id: string;
    number: number;
    dueOn: string;
    dueAt: string | null;
    rules: AppliedRule[];
  }>;
}

export interface CaseDetail extends CaseSummary {
  defects: CaseDefect[];
  hearings: Hearing[];
  orders: Order[];
  /** Oldest first, from the audit trail. */
  timeline: CaseTimelineEntry[];
}

export interface Closure {
  id: string;
  caseId: string;
  orderId: string;
  status: 'declared' | 'vacated' | 'sealed' | 'released';
  wholeBuilding: boolean;
  unitIds: string[];
  declaredOn: string;
  immediateDanger: boolean;
  moveOutBy: string | null;
  occupantsNotifiedOn: string | null;
  householdsNotified: number | null;
  vacatedOn: string | null;
  sealedOn: string | null;
  releasedOn: string | null;
  releaseReason: string | null;
}

export interface CaseQuery {
  status?: CaseStatus;
  officerId?: string;
  propertyId?: string;
  limit?: number;
  offset?: number;
}

export interface CreateHearingInput {
  defectIds: string[];
  replyDays: number;
}

export interface OrderItemInput {
  requirement: string;
  defectIds: string[];
  periodOverride?: { unit: 'hours' | 'days'; amount: number; reason: string };
  threatenedFineCents?: number;
}

export interface CreateOrderInput {
  kind: OrderKind;
  hearingId?: string;
  hearingSkippedReason?: string;
  immediatelyEnforceable?: boolean;
  immediateEnforcementReasoning?: string;
  items: OrderItemInput[];
}

export type ItemTarget = 'complied' | 'not_complied' | 'closed' | 'withdrawn';

export interface Notification {
  id: string;
  kind: string;
  subject: string;
  body: string;
  /** A path in the web app (`/vorgaenge/<id>`). */
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  /** null: unread */
  readAt: string | null;
}

export interface NotificationPage extends Page<Notification> {
  /** How many of the user's notifications are unread. */
  unread: number;
}

/** Creates carry a key made once per form: a retry gets the first answer (ARCHITECTURE.md). */
const keyed = (idempotencyKey: string): Record<string, string> => ({
  'Idempotency-Key': idempotencyKey,
});

export const enforcementApi = {
  /** Cases by the next deadline, passed ones first. */
  cases(query: CaseQuery, signal?: AbortSignal): Promise<Page<CaseSummary>> {
    return request('GET', `/cases${queryString({ ...query })}`, { signal });
  },

  case(id: string, signal?: AbortSignal): Promise<CaseDetail> {
    return request('GET', `/cases/${segment(id)}`, { signal });
  },

  updateCase(
    id: string,
    version: number,
    input: { officerId?: string; notes?: string | null },
  ): Promise<CaseDetail> {
    return request('PATCH', `/cases/${segment(id)}`, {
      body: input,
      headers: { 'If-Match': etagOf(version) },
    });
  },

  closures(caseId: string, signal?: AbortSignal): Promise<Page<Closure>> {
    return request('GET', `/closures${queryString({ caseId })}`, { signal });
  },

  createHearing(caseId: string, input: CreateHearingInput, key: string): Promise<Hearing> {
    return request('POST', `/cases/${segment(caseId)}/hearings`, {
      body: input,
      headers: keyed(key),
    });
  },

  hearing(id: string, signal?: AbortSignal): Promise<Hearing> {
    return request('GET', `/hearings/${segment(id)}`, { signal });
  },

  sendHearing(id: string, input: { delivery: Delivery; reasoning?: string[] }): Promise<Hearing> {
    return request('POST', `/hearings/${segment(id)}/send`, { body: input });
  },

  closeHearing(id: string, note: string | undefined): Promise<Hearing> {
    return request('POST', `/hearings/${segment(id)}/close`, { body: note ? { note } : {} });
  },

  hearingLetter(id: string, letterId: string): Promise<FileAnswer> {
    return requestFile('GET', `/hearings/${segment(id)}/letters/${segment(letterId)}`);
  },

  createOrder(caseId: string, input: CreateOrderInput, key: string): Promise<Order> {
    return request('POST', `/cases/${segment(caseId)}/orders`, {
      body: input,
      headers: keyed(key),
    });
  },

  order(id: string, signal?: AbortSignal): Promise<Order> {
    return request('GET', `/orders/${segment(id)}`, { signal });
  },

  orderProjection(
    id: string,
    method: DeliveryMethod,
    signal?: AbortSignal,
  ): Promise<OrderProjection> {
    return request('GET', `/orders/${segment(id)}/projection${queryString({ method })}`, {
      signal,
    });
  },

  issueOrder(id: string): Promise<Order> {
    return request('POST', `/orders/${segment(id)}/issue`);
  },

  /** The letter the draft would be issued as today (nothing stored). */
  orderLetterPreview(id: string): Promise<FileAnswer> {
    return requestFile('POST', `/orders/${segment(id)}/letter-preview`);
  },

  orderLetter(id: string, letterId: string): Promise<FileAnswer> {
    return requestFile('GET', `/orders/${segment(id)}/letters/${segment(letterId)}`);
  },

  recordService(id: string, input: { delivery: Delivery; notifiedAt?: string }): Promise<Order> {
    return request('POST', `/orders/${segment(id)}/service`, { body: input });
  },

  withdrawOrder(id: string, reason: string): Promise<Order> {
    return request('POST', `/orders/${segment(id)}/withdraw`, { body: { reason } });
  },

  recordSuit(id: string, filedOn: string): Promise<Order> {
    return request('POST', `/orders/${segment(id)}/suit`, { body: { filedOn } });
  },

  decideSuit(
    id: string,
    input: { outcome: 'dismissed' | 'set_aside'; decidedOn: string },
  ): Promise<Order> {
    return request('POST', `/orders/${segment(id)}/suit-decision`, { body: input });
  },

  extendItemPeriod(
    id: string,
    itemId: string,
    input: { dueOn: string; reason: string },
  ): Promise<Order> {
    return request('POST', `/orders/${segment(id)}/items/${segment(itemId)}/extension`, {
      body: input,
    });
  },

  changeItemStatus(
    id: string,
    itemId: string,
    input: { status: ItemTarget; reason?: string },
  ): Promise<Order> {
    return request('POST', `/orders/${segment(id)}/items/${segment(itemId)}/status`, {
      body: input,
    });
  },

  notifications(
    query: { unread?: boolean; limit?: number; offset?: number },
    signal?: AbortSignal,
  ): Promise<NotificationPage> {
    const unread = query.unread === undefined ? undefined : String(query.unread);
    return request('GET', `/notifications${queryString({ ...query, unread })}`, { signal });
  },

  markNotificationRead(id: string): Promise<Notification> {
    return request('POST', `/notifications/${segment(id)}/read`);
  },

  markAllNotificationsRead(): Promise<{ marked: number }> {
    return request('POST', '/notifications/read-all');
  },
};
