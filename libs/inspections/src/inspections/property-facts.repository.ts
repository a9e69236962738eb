import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { Role } from '@hausakte/auth';

export interface UnitFact {
  id: string;
  label: string;
  areaM2: number | null;
}

export interface PersonFact {
  id: string;
  displayName: string;
  role: Role;
  active: boolean;
}

/**
 * What inspections read of the register and the user list: units, people, complaints. Read by SQL
 * on the shared transaction, so a check and the write it guards see the same state.
 */
@Injectable()
export class PropertyFacts {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async unitsOf(propertyId: string): Promise<UnitFact[]> {
    const rows: Array<{ id: string; label: string; area_m2: string | null }> =
      await this.manager.query(`SELECT id, label, area_m2 FROM units WHERE property_id = $1`, [
        propertyId,
      ]);
    return rows.map((row) => ({
      id: row.id,
      label: row.label,
      areaM2: row.area_m2 === null ? null : Number(row.area_m2),
    }));
  }

  async people(ids: string[]): Promise<PersonFact[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; display_name: string; role: Role; active: boolean }> =
      await this.manager.query(
        `SELECT id, display_name, role, active FROM users WHERE id = ANY($1::uuid[])`,
        [ids],
      );
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      role: row.role,
      active: row.active,
    }));
  }

  /**
   * The property a complaint is about, if it was matched to one; the row stays share-locked until
   * the transaction ends, so it cannot move to another property while a visit is planned for it.
   */
  async complaintProperty(complaintId: string): Promise<{ propertyId: string | null } | null> {
    const rows: Array<{ property_id: string | null }> = await this.manager.query(
      `SELECT property_id FROM complaints WHERE id = $1 FOR SHARE`,
      [complaintId],
    );
    return rows[0] ? { propertyId: rows[0].property_id } : null;
  }
}
