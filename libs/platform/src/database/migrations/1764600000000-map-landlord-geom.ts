import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A landlord's properties in a tile (the portfolio layer, the landlord and network filters):
 * with separate indexes PostgreSQL combined the spatial index (every property in a z8 envelope,
 * some 400,000 on the state seed) with the landlord's index in a BitmapAnd. One GiST index over
 * the landlord and the location (btree_gist, installed by the register migration) finds just
 * the landlord's rows in the envelope. docs/benchmarks.md ("map") has the before and after.
 */
export class MapLandlordGeom1764600000000 implements MigrationInterface {
  name = 'MapLandlordGeom1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX map_properties_owner_geom_idx ON map_properties USING GiST (owner_id, geom)`,
    );
    await q.query(
      `CREATE INDEX map_properties_manager_geom_idx ON map_properties USING GiST (manager_id, geom)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX map_properties_manager_geom_idx`);
    await q.query(`DROP INDEX map_properties_owner_geom_idx`);
  }
}
