import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { OrderItemStatus, OrderStatus } from '../orders/order-lifecycle';

/** What every deadline notification names: the case, its officer and the property. */
export interface CaseFacts {
  caseId: string;
  reference: string;
  officerId: string;
  propertyId: string;
  address: string | null;
}

export interface ItemFacts extends CaseFacts {
  itemId: string;
  orderId: string;
  number: number;
  requirement: string;
}

/** An order item that holds a defect, with what the next legal step depends on. */
export interface DefectItemFacts extends ItemFacts {
  orderStatus: OrderStatus;
  immediatelyEnforceable: boolean;
  challengeEndsOn: string | null;
  suitFiledOn: string | null;
  suitLate: boolean;
  suitOutcome: 'dismissed' | 'set_aside' | null;
  itemStatus: OrderItemStatus;
  dueOn: string | null;
  dueAt: Date | null;
  severity: 'A' | 'B' | 'C';
  /** Served threats not used by a fixing, with the day their period ends (null: the item's). */
  openThreats: Array<{ measure: 'coercive_fine' | 'substitute_performance'; dueOn: string | null }>;
}

export interface DigestLine {
  officerId: string;
  overdue: number;
  dueThisWeek: number;
  repliesThisWeek: number;
  next: Array<{ reference: string; dueOn: string; what: string }>;
}

const CASE_COLUMNS = `c.id AS "caseId", c.reference, c.officer_id AS "officerId",
  c.property_id AS "propertyId",
  (SELECT concat(a.street, ' ', a.house_number, ', ', a.postcode, ' ', a.city)
     FROM property_addresses a WHERE a.property_id = c.property_id AND a.is_primary) AS address`;

const ITEM_COLUMNS = `${CASE_COLUMNS}, i.id AS "itemId", i.order_id AS "orderId", i.number,
  i.requirement`;

/** Read-only queries of the deadline handlers. */
@Injectable()
export class DeadlineFactsRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async ofCase(caseId: string): Promise<CaseFacts | null> {
    const rows: CaseFacts[] = await this.manager.query(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    return rows[0] ?? null;
  }

  async ofItem(itemId: string): Promise<ItemFacts | null> {
    const rows: ItemFacts[] = await this.manager.query(
      `SELECT ${ITEM_COLUMNS}
         FROM order_items i JOIN orders o ON o.id = i.order_id JOIN cases c ON c.id = o.case_id
        WHERE i.id = $1`,
      [itemId],
    );
    return rows[0] ?? null;
  }

  /** The pending items of served or challenged orders that hold the defect. */
  itemsHoldingDefect(defectId: string): Promise<DefectItemFacts[]> {
    return this.manager.query(
      `SELECT ${ITEM_COLUMNS}, o.status AS "orderStatus",
              o.immediately_enforceable AS "immediatelyEnforceable",
              o.challenge_ends_on::text AS "challengeEndsOn", o.suit_filed_on::text AS "suitFiledOn",
              o.suit_late AS "suitLate", o.suit_outcome AS "suitOutcome", i.status AS "itemStatus",
              i.due_on::text AS "dueOn", i.due_at AS "dueAt", d.severity,
              COALESCE((SELECT json_agg(json_build_object('measure', t.measure, 'dueOn', t.due_on))
                          FROM order_item_threats t
                         WHERE t.item_id = i.id AND t.served_on IS NOT NULL
                           AND t.used_by_fixing_id IS NULL), '[]'::json) AS "openThreats"
         FROM order_item_defects oid
         JOIN order_items i ON i.id = oid.item_id
         JOIN orders o ON o.id = i.order_id
         JOIN cases c ON c.id = o.case_id
         JOIN defects d ON d.id = oid.defect_id
        WHERE oid.defect_id = $1 AND o.status IN ('served', 'challenged')
          AND i.status IN ('open', 'not_complied', 'escalated')
        ORDER BY o.id, i.number`,
      [defectId],
    );
  }

  async isActiveUser(id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM users WHERE id = $1 AND active`,
      [id],
    );
    return rows.length > 0;
  }

  /** A planned re-inspection of the property from now on, if there is one. */
  async plannedReinspection(propertyId: string, from: Date): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM inspections
        WHERE property_id = $1 AND kind = 'reinspection' AND status = 'planned'
          AND scheduled_at >= $2
        ORDER BY scheduled_at LIMIT 1`,
      [propertyId, from.toISOString()],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Per officer: overdue items, items and hearing replies due from `day` to `day` + 6, and the
   * next few of them. Only deadlines that run (runsDeadlines in order-lifecycle.ts).
   */
  digest(day: string): Promise<DigestLine[]> {
    return this.manager.query(
      `WITH deadlines AS (
         SELECT c.officer_id, c.reference, i.due_on,
                'Nr. ' || i.number || ' der Anordnung' AS what, 'item' AS kind
           FROM order_items i JOIN orders o ON o.id = i.order_id JOIN cases c ON c.id = o.case_id
          WHERE c.status = 'open' AND i.due_on IS NOT NULL
            AND i.status IN ('open', 'not_complied', 'escalated')
            AND (o.status = 'served' OR (o.status = 'challenged' AND o.immediately_enforceable))
          UNION ALL
         SELECT c.officer_id, c.reference, h.reply_due_on, 'Anhörung' AS what, 'hearing'
           FROM hearings h JOIN cases c ON c.id = h.case_id
          WHERE c.status = 'open' AND h.status = 'sent' AND h.reply_due_on IS NOT NULL
       )
       SELECT officer_id AS "officerId",
              count(*) FILTER (WHERE kind = 'item' AND due_on < $1::date)::int AS overdue,
              count(*) FILTER (WHERE kind = 'item' AND due_on BETWEEN $1::date AND $1::date + 6)::int
                AS "dueThisWeek",
              count(*) FILTER (WHERE kind = 'hearing' AND due_on BETWEEN $1::date AND $1::date + 6)::int
                AS "repliesThisWeek",
              COALESCE((array_agg(json_build_object('reference', reference, 'dueOn', due_on, 'what', what)
                                  ORDER BY due_on, reference)
                        FILTER (WHERE due_on BETWEEN $1::date AND $1::date + 6))[1:10], '{}') AS next
         FROM deadlines
        GROUP BY officer_id
       HAVING count(*) FILTER (WHERE (kind = 'item' AND due_on < $1::date)
                                  OR due_on BETWEEN $1::date AND $1::date + 6) > 0`,
      [day],
    );
  }

  async digestSent(day: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM deadline_digests WHERE day = $1`,
      [day],
    );
    return rows.length > 0;
  }

  /** Records the day's digest; false if another run recorded it first. */
  async recordDigest(day: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO deadline_digests (day) VALUES ($1) ON CONFLICT DO NOTHING RETURNING day`,
      [day],
    );
    return rows.length > 0;
  }
}
