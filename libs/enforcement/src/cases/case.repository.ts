import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { Addressee } from './addressee';
import { CaseDefect } from './case-defect.entity';
import { EnforcementCase } from './case.entity';
import type { CaseDefectDto, CaseTimelineEntryDto } from './case.dto';

/** A case row with what its list and detail show besides its own columns. */
export interface CaseRow {
  id: string;
  reference: string;
  property_id: string;
  property_address: string | null;
  status: 'open' | 'closed';
  officer_id: string;
  officer_name: string;
  notes: string | null;
  closed_at: Date | null;
  close_reason: string | null;
  reopen_reason: string | null;
  version: number;
  created_at: Date;
  hearing_statuses: string[];
  orders: Array<{ status: string; itemStatuses: string[] }>;
  next_deadline: string | null;
  overdue: boolean;
}

/** What a command needs to know of a defect it is asked to use. */
export interface DefectFact {
  id: string;
  propertyId: string;
  status: string;
  severity: 'A' | 'B' | 'C';
  caseId: string | null;
  cataloguePeriod: { unit: 'hours' | 'days'; amount: number } | null;
}

// $2: today (Europe/Berlin), for the overdue flag. Deadlines run only while an order is served,
// or challenged but immediately enforceable (runsDeadlines in order-lifecycle.ts).
const CASE_VIEW = `
  SELECT c.id, c.reference, c.property_id, c.status, c.officer_id, u.display_name AS officer_name,
         c.notes, c.closed_at, c.close_reason, c.reopen_reason, c.version, c.created_at,
         (SELECT concat(a.street, ' ', a.house_number, ', ', a.postcode, ' ', a.city)
            FROM property_addresses a WHERE a.property_id = c.property_id AND a.is_primary)
           AS property_address,
         COALESCE((SELECT array_agg(h.status) FROM hearings h WHERE h.case_id = c.id), '{}')
           AS hearing_statuses,
         COALESCE((SELECT json_agg(json_build_object(
                     'status', o.status,
                     'itemStatuses', (SELECT COALESCE(json_agg(i.status), '[]'::json)
                                        FROM order_items i WHERE i.order_id = o.id)))
                     FROM orders o WHERE o.case_id = c.id), '[]'::json) AS orders,
         to_char(LEAST(
           (SELECT min(h.reply_due_on) FROM hearings h WHERE h.case_id = c.id AND h.status = 'sent'),
           (SELECT min(i.due_on) FROM order_items i JOIN orders o ON o.id = i.order_id
             WHERE o.case_id = c.id AND (o.status = 'served' OR (o.status = 'challenged' AND o.immediately_enforceable))
               AND i.status IN ('open', 'not_complied', 'escalated'))
         ), 'YYYY-MM-DD') AS next_deadline,
         EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id
                  WHERE o.case_id = c.id AND (o.status = 'served' OR (o.status = 'challenged' AND o.immediately_enforceable))
                    AND i.status IN ('open', 'not_complied', 'escalated')
                    AND (CASE WHEN i.due_at IS NOT NULL THEN i.due_at < now()
                              ELSE i.due_on < $2::date END)) AS overdue
    FROM cases c
    JOIN users u ON u.id = c.officer_id`;

@Injectable()
export class CaseRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async nextReference(year: string): Promise<string> {
    const [{ n }]: Array<{ n: string }> = await this.manager.query(
      `SELECT nextval('case_reference_seq') AS n`,
    );
    return `WA-${year}-${n.padStart(5, '0')}`;
  }

  async propertyExists(propertyId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM properties WHERE id = $1`, [
      propertyId,
    ]);
    return rows.length > 0;
  }

  async isActiveOfficer(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM users WHERE id = $1 AND role = 'officer' AND active`,
      [userId],
    );
    return rows.length > 0;
  }

  async openCaseOf(propertyId: string): Promise<{ id: string; reference: string } | null> {
    const rows: Array<{ id: string; reference: string }> = await this.manager.query(
      `SELECT id, reference FROM cases WHERE property_id = $1 AND status = 'open'`,
      [propertyId],
    );
    return rows[0] ?? null;
  }

  insert(row: Omit<EnforcementCase, 'id' | 'version' | 'createdAt' | 'updatedAt'>) {
    return this.manager
      .getRepository(EnforcementCase)
      .save(this.manager.getRepository(EnforcementCase).create(row));
  }

  /** The properties of these cases. */
  async propertiesOf(caseIds: string[]): Promise<string[]> {
    const rows: Array<{ property_id: string }> = await this.manager.query(
      `SELECT DISTINCT property_id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY property_id`,
      [caseIds],
    );
    return rows.map((row) => row.property_id);
  }

  /** The case, locked for the rest of the command: commands on one case run one after another. */
  findByIdForUpdate(id: string): Promise<EnforcementCase | null> {
    return this.manager
      .getRepository(EnforcementCase)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(row: EnforcementCase): Promise<EnforcementCase> {
    return this.manager.getRepository(EnforcementCase).save(row);
  }

  /** Counts orders of the case that still bind the landlord or are on their way to. */
  async runningOrders(caseId: string): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.manager.query(
      `SELECT count(*)::int AS n FROM orders
        WHERE case_id = $1 AND status IN ('issued', 'served', 'challenged')`,
      [caseId],
    );
    return n;
  }

  async view(id: string, today: string): Promise<CaseRow | null> {
    const rows: CaseRow[] = await this.manager.query(`${CASE_VIEW} WHERE c.id = $1`, [id, today]);
    return rows[0] ?? null;
  }

  /** Open cases first by their next deadline (passed ones first), then the newest. */
  async list(
    filter: {
      status?: string;
      officerId?: string;
      propertyId?: string;
      limit: number;
      offset: number;
    },
    today: string,
  ): Promise<{ rows: CaseRow[]; total: number }> {
    const values: unknown[] = [];
    const where: string[] = [];
    for (const [column, value] of [
      ['c.status', filter.status],
      ['c.officer_id', filter.officerId],
      ['c.property_id', filter.propertyId],
    ] as const) {
      if (value === undefined) continue;
      values.push(value);
      where.push(`${column} = $${values.length}`);
    }
    const clause = (shift: number) =>
      where.length === 0
        ? ''
        : `WHERE ${where.map((w) => w.replace(/\$(\d+)/, (_, n: string) => `$${Number(n) + shift}`)).join(' AND ')}`;
    const [{ total }]: Array<{ total: number }> = await this.manager.query(
      `SELECT count(*)::int AS total FROM cases c ${clause(0)}`,
      values,
    );
    // $1 is the case id in CASE_VIEW's single-row use; here it stays unused but typed.
    const params = [null, today, ...values, filter.limit, filter.offset];
    const rows: CaseRow[] = await this.manager.query(
      `SELECT * FROM (${CASE_VIEW} ${clause(2)}) listed
        WHERE $1::uuid IS NULL
        ORDER BY next_deadline NULLS LAST, created_at DESC, id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { rows, total };
  }

  /** The defects with these ids, locked, with the case each is in and its catalogue period. */
  async defectFacts(ids: string[]): Promise<DefectFact[]> {
    if (ids.length === 0) return [];
    const rows: Array<{
      id: string;
      property_id: string;
      status: string;
      severity: 'A' | 'B' | 'C';
      case_id: string | null;
      period_unit: 'hours' | 'days' | null;
      period_amount: number | null;
    }> = await this.manager.query(
      `SELECT d.id, d.property_id, d.status, d.severity, cd.case_id,
              ci.period_unit, ci.period_amount
         FROM defects d
         JOIN catalogue_items ci ON ci.id = d.catalogue_item_id
         LEFT JOIN case_defects cd ON cd.defect_id = d.id
        WHERE d.id = ANY($1::uuid[])
        FOR UPDATE OF d`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      propertyId: row.property_id,
      status: row.status,
      severity: row.severity,
      caseId: row.case_id,
      cataloguePeriod:
        row.period_unit && row.period_amount
          ? { unit: row.period_unit, amount: row.period_amount }
          : null,
    }));
  }

  async linkDefects(caseId: string, defectIds: string[]): Promise<void> {
    if (defectIds.length === 0) return;
    await this.manager
      .getRepository(CaseDefect)
      .insert(defectIds.map((defectId) => ({ caseId, defectId })));
  }

  async defectsOf(caseId: string): Promise<CaseDefectDto[]> {
    const rows: Array<{
      id: string;
      severity: string;
      status: string;
      description: string;
      room: string | null;
      unit_label: string | null;
      code: string;
      title_de: string;
      title_en: string;
    }> = await this.manager.query(
      `SELECT d.id, d.severity, d.status, d.description, d.room, u.label AS unit_label,
              ci.code, ci.title_de, ci.title_en
         FROM case_defects cd
         JOIN defects d ON d.id = cd.defect_id
         JOIN catalogue_items ci ON ci.id = d.catalogue_item_id
         LEFT JOIN units u ON u.id = d.unit_id
        WHERE cd.case_id = $1
        ORDER BY (d.status = 'verified'), d.severity DESC, d.created_at, d.id`,
      [caseId],
    );
    return rows.map((row) => ({
      id: row.id,
      severity: row.severity,
      status: row.status,
      description: row.description,
      room: row.room,
      unitLabel: row.unit_label,
      catalogueCode: row.code,
      catalogueTitle: { de: row.title_de, en: row.title_en },
    }));
  }

  /** The case's events from the audit trail: its own, its hearings', its orders' and items'. */
  async timeline(caseId: string): Promise<CaseTimelineEntryDto[]> {
    const rows: Array<{
      occurred_at: Date;
      action: string;
      entity_type: string;
      entity_id: string;
      actor_name: string | null;
    }> = await this.manager.query(
      `SELECT a.occurred_at, a.action, a.entity_type, a.entity_id, u.display_name AS actor_name
         FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_id
        WHERE (a.entity_type = 'case' AND a.entity_id = $1::text)
           OR (a.entity_type = 'hearing'
               AND a.entity_id IN (SELECT id::text FROM hearings WHERE case_id = $1::uuid))
           OR (a.entity_type = 'order'
               AND a.entity_id IN (SELECT id::text FROM orders WHERE case_id = $1::uuid))
           OR (a.entity_type = 'order_item'
               AND a.entity_id IN (SELECT i.id::text FROM order_items i
                                     JOIN orders o ON o.id = i.order_id WHERE o.case_id = $1::uuid))
        ORDER BY a.occurred_at, a.id`,
      [caseId],
    );
    return rows.map((row) => ({
      at: row.occurred_at.toISOString(),
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      actorName: row.actor_name,
    }));
  }

  /**
   * The landlords in charge of the property on `day`: owners, joint owners, managers whose
   * period covers it, owners first. What a hearing or an order is addressed to.
   */
  async addresseesOf(propertyId: string, day: string): Promise<Addressee[]> {
    const rows: Array<{
      landlord_id: string;
      role: Addressee['role'];
      kind: Addressee['kind'];
      name: string;
      directors: string[];
      postal_street: string | null;
      postal_house_number: string | null;
      postal_postcode: string | null;
      postal_city: string | null;
      postal_country: string;
    }> = await this.manager.query(
      `SELECT l.id AS landlord_id, o.role, l.kind, l.name, l.directors, l.postal_street,
              l.postal_house_number, l.postal_postcode, l.postal_city, l.postal_country
         FROM ownerships o
         JOIN landlords l ON l.id = o.landlord_id
        WHERE o.property_id = $1 AND o.role IN ('owner', 'joint_owner', 'manager')
          AND o.valid_from <= $2::date AND (o.valid_to IS NULL OR o.valid_to >= $2::date)
        ORDER BY array_position(ARRAY['owner', 'joint_owner', 'manager'], o.role), l.name, l.id`,
      [propertyId, day],
    );
    return rows.map((row) => ({
      landlordId: row.landlord_id,
      role: row.role,
      kind: row.kind,
      name: row.name,
      directors: row.directors,
      postalAddress:
        row.postal_street === null
          ? null
          : {
              street: row.postal_street,
              houseNumber: row.postal_house_number ?? '',
              postcode: row.postal_postcode ?? '',
              city: row.postal_city ?? '',
              country: row.postal_country,
            },
    }));
  }

  /**
   * Who goes to a property's re-inspections: an active inspector of the property's district
   * (the first by name), or null when the district has none.
   */
  async districtInspectorOf(propertyId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT u.id FROM properties p
         JOIN inspector_districts idd ON idd.district_id = p.district_id
         JOIN users u ON u.id = idd.user_id
        WHERE p.id = $1 AND u.active AND u.role = 'inspector'
        ORDER BY u.display_name, u.id LIMIT 1`,
      [propertyId],
    );
    return rows[0]?.id ?? null;
  }
}
