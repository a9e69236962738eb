import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { ClosureStatus } from './closure-lifecycle';
import { ClosureUnit } from './closure-unit.entity';
import { Closure } from './closure.entity';

export type NewClosure = Omit<Closure, 'id' | 'status' | 'version' | 'createdAt' | 'updatedAt'>;

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
