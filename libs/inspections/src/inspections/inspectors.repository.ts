import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { Role } from '@hausakte/auth';
import { InspectorDistrict } from './inspector-district.entity';

export interface InspectorRow {
  id: string;
  displayName: string;
  role: Role;
  districts: Array<{ id: string; name: string }>;
}

@Injectable()
export class InspectorsRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  /** Active people who can be sent to an inspection, with their districts; inspectors first. */
  async list(filter: { districtId?: string }): Promise<InspectorRow[]> {
    const rows: Array<{
      id: string;
      display_name: string;
      role: Role;
      districts: InspectorRow['districts'];
    }> = await this.manager.query(
      `SELECT u.id, u.display_name, u.role,
              COALESCE((SELECT json_agg(json_build_object('id', d.id, 'name', d.name) ORDER BY d.name)
                          FROM inspector_districts idd JOIN districts d ON d.id = idd.district_id
                         WHERE idd.user_id = u.id), '[]'::json) AS districts
         FROM users u
        WHERE u.active AND u.role IN ('inspector', 'officer')
          AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM inspector_districts f
                                            WHERE f.user_id = u.id AND f.district_id = $1))
        ORDER BY u.role = 'officer', u.display_name, u.id`,
      [filter.districtId ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      role: row.role,
      districts: row.districts,
    }));
  }

  async districtIdsOf(userId: string): Promise<string[]> {
    const rows = await this.manager
      .getRepository(InspectorDistrict)
      .find({ where: { userId }, order: { districtId: 'ASC' } });
    return rows.map((row) => row.districtId);
  }

  async unknownDistricts(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM districts WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const known = new Set(rows.map((row) => row.id));
    return ids.filter((id) => !known.has(id));
  }

  async replaceDistricts(userId: string, districtIds: string[]): Promise<void> {
    const repo = this.manager.getRepository(InspectorDistrict);
    await repo.delete({ userId });
    if (districtIds.length > 0) {
      await repo.insert(districtIds.map((districtId) => ({ userId, districtId })));
    }
  }
}
