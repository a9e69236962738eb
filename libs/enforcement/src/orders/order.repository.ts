import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import { EnforcementEvent } from './enforcement-event.entity';
import { OrderItemDefect } from './order-item-defect.entity';
import type { OrderItemFixing } from './order-item-fixing.entity';
import type { OrderItemThreat } from './order-item-threat.entity';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import type { CaseLetterFacts, DefectLetterFact, LetterRow } from './record-letters';

export type NewOrder = Pick<
  Order,
  | 'caseId'
  | 'kind'
  | 'hearingId'
  | 'hearingSkippedReason'
  | 'immediatelyEnforceable'
  | 'immediateEnforcementReasoning'
  | 'legalRemedyInstructions'
  | 'createdBy'
>;

export type NewOrderItem = Pick<
  OrderItem,
  | 'number'
  | 'requirement'
  | 'periodUnit'
  | 'periodAmount'
  | 'periodSource'
  | 'periodOverrideReason'
  | 'threatenedFineCents'
> & { defectIds: string[] };

export type NewEvent = Pick<EnforcementEvent, 'caseId' | 'kind'> &
  Partial<Pick<EnforcementEvent, 'hearingId' | 'orderId' | 'itemId'>>;

export type NewThreat = Pick<
  OrderItemThreat,
  | 'itemId'
  | 'measure'
  | 'amountCents'
  | 'costEstimateCents'
  | 'threatenedIn'
  | 'threatenedOn'
  | 'periodDays'
  | 'dueOn'
  | 'servedOn'
>;

export type NewFixing = Pick<
  OrderItemFixing,
  'itemId' | 'threatId' | 'measure' | 'amountCents' | 'fixedOn' | 'createdBy'
>;

const THREAT_COLUMNS = `id, item_id, measure, amount_cents, cost_estimate_cents, threatened_in,
  threatened_on::text AS threatened_on, period_days, due_on::text AS due_on,
  served_on::text AS served_on, used_by_fixing_id, created_at`;
const FIXING_COLUMNS = `id, item_id, threat_id, measure, amount_cents, fixed_on::text AS fixed_on,
  created_by, created_at`;

interface ThreatRow {
  id: string;
  item_id: string;
  measure: OrderItemThreat['measure'];
  amount_cents: number | null;
  cost_estimate_cents: number | null;
  threatened_in: OrderItemThreat['threatenedIn'];
  threatened_on: string;
  period_days: number | null;
  due_on: string | null;
  served_on: string | null;
  used_by_fixing_id: string | null;
  created_at: Date;
}

interface FixingRow {
  id: string;
  item_id: string;
  threat_id: string;
  measure: OrderItemFixing['measure'];
  amount_cents: number;
  fixed_on: string;
  created_by: string;
  created_at: Date;
}

function toThreat(row: ThreatRow): OrderItemThreat {
  return {
    id: row.id,
    itemId: row.item_id,
    measure: row.measure,
    amountCents: row.amount_cents,
    costEstimateCents: row.cost_estimate_cents,
    threatenedIn: row.threatened_in,
    threatenedOn: row.threatened_on,
    periodDays: row.period_days,
    dueOn: row.due_on,
    servedOn: row.served_on,
    usedByFixingId: row.used_by_fixing_id,
    createdAt: row.created_at,
  };
}

function toFixing(row: FixingRow): OrderItemFixing {
  return {
    id: row.id,
    itemId: row.item_id,
    threatId: row.threat_id,
    measure: row.measure,
    amountCents: row.amount_cents,
    fixedOn: row.fixed_on,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Per item: its defects and whether every one of them is verified. */
export interface ItemDefects {
  defectIds: string[];
  allVerified: boolean;
}

@Injectable()
export class OrderRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async insert(row: NewOrder, items: NewOrderItem[]): Promise<Order> {
    const orders = this.manager.getRepository(Order);
    const order = await orders.save(orders.create({ ...row, status: 'draft' }));
    const itemRepository = this.manager.getRepository(OrderItem);
    const saved = await itemRepository.save(
      items.map(({ defectIds: _defectIds, ...item }) =>
        itemRepository.create({ ...item, orderId: order.id, status: 'open' }),
      ),
    );
    await this.manager
      .getRepository(OrderItemDefect)
      .insert(
        saved.flatMap((item, index) =>
          items[index].defectIds.map((defectId) => ({ itemId: item.id, defectId })),
        ),
      );
    return order;
  }

  findById(id: string): Promise<Order | null> {
    return this.manager.getRepository(Order).findOne({ where: { id } });
  }

  findByIdForUpdate(id: string): Promise<Order | null> {
    return this.manager
      .getRepository(Order)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  ofCase(caseId: string): Promise<Order[]> {
    return this.manager
      .getRepository(Order)
      .find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  itemsOf(orderIds: string[]): Promise<OrderItem[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.manager
      .getRepository(OrderItem)
      .createQueryBuilder('item')
      .where('item.orderId IN (:...orderIds)', { orderIds })
      .orderBy('item.orderId')
      .addOrderBy('item.number')
      .getMany();
  }

  async itemDefects(itemIds: string[]): Promise<Map<string, ItemDefects>> {
    const byItem = new Map<string, ItemDefects>(
      itemIds.map((id) => [id, { defectIds: [], allVerified: true }]),
    );
    if (itemIds.length === 0) return byItem;
    const rows: Array<{ item_id: string; defect_id: string; status: string }> =
      await this.manager.query(
        `SELECT x.item_id, x.defect_id, d.status
           FROM order_item_defects x JOIN defects d ON d.id = x.defect_id
          WHERE x.item_id = ANY($1::uuid[]) ORDER BY x.defect_id`,
        [itemIds],
      );
    for (const row of rows) {
      const entry = byItem.get(row.item_id);
      if (!entry) continue;
      entry.defectIds.push(row.defect_id);
      if (row.status !== 'verified') entry.allVerified = false;
    }
    return byItem;
  }

  /**
   * The defects among these that sit in a pending item (open, not complied, escalated) of an
   * order that binds the landlord or is on its way to (issued, served, challenged).
   */
  async pendingInLiveOrders(
    defectIds: string[],
  ): Promise<Array<{ defectId: string; orderId: string; number: number }>> {
    if (defectIds.length === 0) return [];
    const rows: Array<{ defect_id: string; order_id: string; number: number }> =
      await this.manager.query(
        `SELECT d.defect_id, o.id AS order_id, i.number
           FROM order_item_defects d
           JOIN order_items i ON i.id = d.item_id
           JOIN orders o ON o.id = i.order_id
          WHERE d.defect_id = ANY($1::uuid[])
            AND o.status IN ('issued', 'served', 'challenged')
            AND i.status IN ('open', 'not_complied', 'escalated')`,
        [defectIds],
      );
    return rows.map((row) => ({
      defectId: row.defect_id,
      orderId: row.order_id,
      number: row.number,
    }));
  }

  save(order: Order): Promise<Order> {
    return this.manager.getRepository(Order).save(order);
  }

  async saveItems(items: OrderItem[]): Promise<void> {
    if (items.length > 0) await this.manager.getRepository(OrderItem).save(items);
  }

  /*
   * Threats and fixings in plain SQL: their entities describe the schema (the schema spec checks
   * them); the tables are read and written only here.
   */

  async insertThreats(rows: NewThreat[]): Promise<OrderItemThreat[]> {
    const inserted: OrderItemThreat[] = [];
    for (const row of rows) {
      const result: ThreatRow[] = await this.manager.query(
        `INSERT INTO order_item_threats (item_id, measure, amount_cents, cost_estimate_cents,
                threatened_in, threatened_on, period_days, due_on, served_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${THREAT_COLUMNS}`,
        [
          row.itemId,
          row.measure,
          row.amountCents,
          row.costEstimateCents,
          row.threatenedIn,
          row.threatenedOn,
          row.periodDays,
          row.dueOn,
          row.servedOn,
        ],
      );
      inserted.push(toThreat(result[0]));
    }
    return inserted;
  }

  /** The threats of these items, oldest first. */
  async threatsOf(itemIds: string[]): Promise<OrderItemThreat[]> {
    if (itemIds.length === 0) return [];
    const rows: ThreatRow[] = await this.manager.query(
      `SELECT ${THREAT_COLUMNS} FROM order_item_threats
        WHERE item_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [itemIds],
    );
    return rows.map(toThreat);
  }

  async findThreatForUpdate(id: string): Promise<OrderItemThreat | null> {
    const rows: ThreatRow[] = await this.manager.query(
      `SELECT ${THREAT_COLUMNS} FROM order_item_threats WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toThreat(rows[0]) : null;
  }

  async updateThreat(
    threat: Pick<OrderItemThreat, 'id' | 'dueOn' | 'servedOn' | 'usedByFixingId'>,
  ): Promise<void> {
    await this.manager.query(
      `UPDATE order_item_threats SET due_on = $2, served_on = $3, used_by_fixing_id = $4
        WHERE id = $1`,
      [threat.id, threat.dueOn, threat.servedOn, threat.usedByFixingId],
    );
  }

  async insertFixing(row: NewFixing): Promise<OrderItemFixing> {
    const result: FixingRow[] = await this.manager.query(
      `INSERT INTO order_item_fixings (item_id, threat_id, measure, amount_cents, fixed_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${FIXING_COLUMNS}`,
      [row.itemId, row.threatId, row.measure, row.amountCents, row.fixedOn, row.createdBy],
    );
    return toFixing(result[0]);
  }

  /** The fixings of these items, oldest first. */
  async fixingsOf(itemIds: string[]): Promise<OrderItemFixing[]> {
    if (itemIds.length === 0) return [];
    const rows: FixingRow[] = await this.manager.query(
      `SELECT ${FIXING_COLUMNS} FROM order_item_fixings
        WHERE item_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [itemIds],
    );
    return rows.map(toFixing);
  }

  async recordEvents(events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.manager.getRepository(EnforcementEvent).insert(
      events.map((event) => ({
        hearingId: null,
        orderId: null,
        itemId: null,
        ...event,
      })),
    );
  }

  /** What every letter of the case prints: reference, property address, the officer. */
  async caseLetterFacts(caseId: string): Promise<CaseLetterFacts> {
    const rows: Array<{
      reference: string;
      property_id: string;
      property_address: string | null;
      officer_name: string;
      officer_email: string;
      officer_active: boolean;
    }> = await this.manager.query(
      `SELECT c.reference, c.property_id,
              (SELECT concat(a.street, ' ', a.house_number, ', ', a.postcode, ' ', a.city)
                 FROM property_addresses a
                WHERE a.property_id = c.property_id AND a.is_primary
                LIMIT 1) AS property_address,
              u.display_name AS officer_name, u.email AS officer_email,
              (u.active AND u.role = 'officer') AS officer_active
         FROM cases c JOIN users u ON u.id = c.officer_id
        WHERE c.id = $1`,
      [caseId],
    );
    const row = rows[0];
    return {
      reference: row.reference,
      propertyId: row.property_id,
      propertyAddress: row.property_address,
      officerName: row.officer_name,
      officerEmail: row.officer_email,
      officerActive: row.officer_active,
    };
  }

  /** The defects as letters name them, most severe first. */
  async defectLetterFacts(defectIds: string[]): Promise<DefectLetterFact[]> {
    if (defectIds.length === 0) return [];
    const rows: Array<{
      id: string;
      severity: DefectLetterFact['severity'];
      title_de: string;
      description: string;
      room: string | null;
      unit_label: string | null;
      period_unit: 'hours' | 'days' | null;
      period_amount: number | null;
      found_on: string | null;
    }> = await this.manager.query(
      `SELECT d.id, d.severity, ci.title_de, d.description, d.room, u.label AS unit_label,
              ci.period_unit, ci.period_amount,
              to_char(i.completed_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD') AS found_on
         FROM defects d
         JOIN catalogue_items ci ON ci.id = d.catalogue_item_id
         LEFT JOIN units u ON u.id = d.unit_id
         LEFT JOIN inspections i ON i.id = d.inspection_id
        WHERE d.id = ANY($1::uuid[])
        ORDER BY d.severity DESC, d.created_at, d.id`,
      [defectIds],
    );
    return rows.map((row) => ({
      id: row.id,
      severity: row.severity,
      title: row.title_de,
      description: row.description,
      room: row.room,
      unitLabel: row.unit_label,
      cataloguePeriod:
        row.period_unit && row.period_amount
          ? { unit: row.period_unit, amount: row.period_amount }
          : null,
      foundOn: row.found_on,
    }));
  }

  /** The issued letters with these ids and their template versions, by id. */
  async letterRows(letterIds: string[]): Promise<Map<string, LetterRow>> {
    if (letterIds.length === 0) return new Map();
    const rows: Array<{
      id: string;
      key: LetterRow['templateKey'];
      version: number;
      sha256: string;
      byte_size: number;
      created_at: Date;
    }> = await this.manager.query(
      `SELECT l.id, t.key, t.version, l.sha256, l.byte_size, l.created_at
         FROM letters l JOIN letter_templates t ON t.id = l.template_id
        WHERE l.id = ANY($1::uuid[])`,
      [letterIds],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          templateKey: row.key,
          templateVersion: row.version,
          sha256: row.sha256,
          byteSize: row.byte_size,
          createdAt: row.created_at,
        },
      ]),
    );
  }
}
