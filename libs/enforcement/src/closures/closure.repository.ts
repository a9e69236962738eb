import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { ClosureStatus } from './closure-lifecycle';
import { ClosureUnit } from './closure-unit.entity';
import { Closure } from './closure.entity';

export type NewClosure = Omit<Closure, 'id' | 'status' | 'version' | 'createdAt' | 'updatedAt'>;

/** The closure an inspection checks the re-letting ban of, and how the visit went. */
export interface RecheckFacts {
  closureId: string;
  /** The inspection's status: `planned`, `done`, `no_access` or `cancelled`. */
  status: string;
  completedAt: Date | null;
}

/** A closed unit found lived in, with how many people (counted, never named). */
export interface OccupiedUnit {
  unitId: string;
  label: string;
  persons: number;
}

/** A closure with what the register shows beside it. */
export interface ClosureRow {
  closure: Closure;
  caseReference: string;
  propertyAddress: string | null;
  unitIds: string[];
}

@Injectable()
export class ClosureRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async insert(row: NewClosure, unitIds: string[]): Promise<Closure> {
    const closures = this.manager.getRepository(Closure);
    const saved = await closures.save(closures.create({ ...row, status: 'declared' }));
    if (unitIds.length > 0) {
      await this.manager
        .getRepository(ClosureUnit)
        .insert(unitIds.map((unitId) => ({ closureId: saved.id, unitId })));
    }
    return saved;
  }

  findById(id: string): Promise<Closure | null> {
    return this.manager.getRepository(Closure).findOne({ where: { id } });
  }

  findByIdForUpdate(id: string): Promise<Closure | null> {
    return this.manager
      .getRepository(Closure)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(closure: Closure): Promise<Closure> {
    return this.manager.getRepository(Closure).save(closure);
  }

  /**
   * Links a re-letting re-inspection to its closure (and to the completed check it follows).
   * Raw SQL: the table's entity is not in the lib's `forFeature` list.
   */
  async insertRecheck(row: {
    inspectionId: string;
    closureId: string;
    followsInspectionId: string | null;
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO closure_rechecks (inspection_id, closure_id, follows_inspection_id)
       VALUES ($1, $2, $3)`,
      [row.inspectionId, row.closureId, row.followsInspectionId],
    );
  }

  /**
   * The closure whose re-letting check an inspection is: linked itself, or a repeat after no
   * access of a linked one (up the `follows_inspection_id` chain); with what the visit recorded.
   */
  async recheckOf(inspectionId: string): Promise<RecheckFacts | null> {
    const rows: Array<{
      closure_id: string;
      status: string;
      completed_at: Date | null;
    }> = await this.manager.query(
      `WITH RECURSIVE chain (id, follows, depth) AS (
         SELECT id, follows_inspection_id, 0 FROM inspections WHERE id = $1
         UNION ALL
         SELECT i.id, i.follows_inspection_id, chain.depth + 1
           FROM inspections i JOIN chain ON i.id = chain.follows
          WHERE chain.depth < 100
       )
       SELECT r.closure_id, i.status, i.completed_at
         FROM chain
         JOIN closure_rechecks r ON r.inspection_id = chain.id
         JOIN inspections i ON i.id = $1
        ORDER BY chain.depth LIMIT 1`,
      [inspectionId],
    );
    const row = rows[0];
    if (!row) return null;
    return { closureId: row.closure_id, status: row.status, completedAt: row.completed_at };
  }

  /** The check planned after a completed one, if any (one at most: the unique key). */
  async recheckFollowing(inspectionId: string): Promise<string | null> {
    const rows: Array<{ inspection_id: string }> = await this.manager.query(
      `SELECT inspection_id FROM closure_rechecks WHERE follows_inspection_id = $1`,
      [inspectionId],
    );
    return rows[0]?.inspection_id ?? null;
  }

  /** The closure's re-letting checks still planned, repeats after no access included. */
  async plannedRechecks(closureId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `WITH RECURSIVE chain (id) AS (
         SELECT inspection_id FROM closure_rechecks WHERE closure_id = $1
         UNION
         SELECT i.id FROM inspections i JOIN chain ON i.follows_inspection_id = chain.id
       )
       SELECT i.id FROM inspections i JOIN chain ON chain.id = i.id
        WHERE i.status = 'planned' ORDER BY i.id`,
      [closureId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The closed units an inspection found people living in (adults or small children counted):
   * the units the closure covers, or any unit of the property when it covers the whole building.
   */
  async occupiedClosedUnits(closureId: string, inspectionId: string): Promise<OccupiedUnit[]> {
    const rows: Array<{ unit_id: string; label: string; persons: number }> =
      await this.manager.query(
        `SELECT o.unit_id, u.label, (o.adults_found + o.children_under_six_found)::int AS persons
           FROM unit_occupancies o
           JOIN units u ON u.id = o.unit_id
           JOIN closures cl ON cl.id = $1 AND cl.property_id = u.property_id
          WHERE o.inspection_id = $2
            AND o.adults_found + o.children_under_six_found > 0
            AND (NOT EXISTS (SELECT 1 FROM closure_units cu WHERE cu.closure_id = cl.id)
                 OR EXISTS (SELECT 1 FROM closure_units cu
                             WHERE cu.closure_id = cl.id AND cu.unit_id = o.unit_id))
          ORDER BY u.label, o.unit_id`,
        [closureId, inspectionId],
      );
    return rows.map((row) => ({ unitId: row.unit_id, label: row.label, persons: row.persons }));
  }

  /** The officer of the closure's case. */
  async officerOf(closureId: string): Promise<string> {
    const rows: Array<{ officer_id: string }> = await this.manager.query(
      `SELECT c.officer_id FROM closures cl JOIN cases c ON c.id = cl.case_id WHERE cl.id = $1`,
      [closureId],
    );
    return rows[0].officer_id;
  }

  /** Of the given unit ids, those that are units of the property. */
  async unitsOfProperty(propertyId: string, unitIds: string[]): Promise<Set<string>> {
    if (unitIds.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM units WHERE property_id = $1 AND id = ANY($2::uuid[])`,
      [propertyId, unitIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  async view(id: string): Promise<ClosureRow | null> {
    const { rows } = await this.rows({ id, limit: 1, offset: 0 });
    return rows[0] ?? null;
  }

  async list(query: {
    status?: ClosureStatus;
    propertyId?: string;
    caseId?: string;
    limit: number;
    offset: number;
  }): Promise<{ rows: ClosureRow[]; total: number }> {
    return this.rows(query);
  }

  private async rows(query: {
    id?: string;
    status?: ClosureStatus;
    propertyId?: string;
    caseId?: string;
    limit: number;
    offset: number;
  }): Promise<{ rows: ClosureRow[]; total: number }> {
    const builder = this.manager
      .getRepository(Closure)
      .createQueryBuilder('closure')
      .orderBy('closure.declaredOn', 'DESC')
      .addOrderBy('closure.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (query.id) builder.andWhere('closure.id = :id', { id: query.id });
    if (query.status) builder.andWhere('closure.status = :status', { status: query.status });
    if (query.propertyId) {
      builder.andWhere('closure.propertyId = :propertyId', { propertyId: query.propertyId });
    }
    if (query.caseId) builder.andWhere('closure.caseId = :caseId', { caseId: query.caseId });
    const [closures, total] = await builder.getManyAndCount();
    if (closures.length === 0) return { rows: [], total };
    const extras: Array<{
      id: string;
      reference: string;
      property_address: string | null;
      unit_ids: string[];
    }> = await this.manager.query(
      `SELECT cl.id, c.reference,
              (SELECT concat(a.street, ' ', a.house_number, ', ', a.postcode, ' ', a.city)
                 FROM property_addresses a WHERE a.property_id = cl.property_id AND a.is_primary)
                AS property_address,
              COALESCE((SELECT array_agg(cu.unit_id ORDER BY cu.unit_id)
                          FROM closure_units cu WHERE cu.closure_id = cl.id), '{}') AS unit_ids
         FROM closures cl JOIN cases c ON c.id = cl.case_id
        WHERE cl.id = ANY($1::uuid[])`,
      [closures.map((closure) => closure.id)],
    );
    const byId = new Map(extras.map((extra) => [extra.id, extra]));
    return {
      rows: closures.map((closure) => {
        const extra = byId.get(closure.id)!;
        return {
          closure,
          caseReference: extra.reference,
          propertyAddress: extra.property_address,
          unitIds: extra.unit_ids,
        };
      }),
      total,
    };
  }
}
