import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import {
  DELETE_EMPTY_CELLS_SQL,
  REBUILD_GRID_SQL,
  REBUILD_RANGE_SQL,
  REFRESH_SQL,
} from './map-read-model.sql';

/** What one refresh or rebuild did. */
export interface MapRefreshResult {
  /** Rows written because something about the property changed. */
  written: number;
  /** Rows deleted because their property is gone. */
  gone: number;
}

export interface MapRebuildOptions {
  /** Properties per transaction of the row recompute (default 50,000). */
  batchSize?: number;
  /** The reference time for overdue items and current ownerships (default: now). */
  now?: Date;
  /** Called after each batch, e.g. for a progress line. */
  onBatch?: (done: number) => void;
}

export interface MapRebuildResult extends MapRefreshResult {
  properties: number;
  gridRows: number;
  rowsMs: number;
  gridMs: number;
}

/** Properties per transaction of the full recompute; a batch takes a few seconds at most. */
export const MAP_REBUILD_BATCH = 50_000;

/**
 * Refreshes the read model of a batch of properties in the open transaction (see REFRESH_SQL):
 * one statement for the rows and the grid deltas, one for grid rows that reached zero.
 */
export async function refreshMapRows(
  manager: EntityManager,
  propertyIds: readonly string[],
  now: Date,
): Promise<MapRefreshResult> {
  if (propertyIds.length === 0) return { written: 0, gone: 0 };
  const ids = [...new Set(propertyIds)].sort();
  const [result]: Array<{ written: number; gone: number; empty: unknown[] }> = await manager.query(
    REFRESH_SQL,
    [ids, now],
  );
  if (result.empty.length > 0) {
    await manager.query(DELETE_EMPTY_CELLS_SQL, [JSON.stringify(result.empty)]);
  }
  return { written: result.written, gone: result.gone };
}

/**
 * Recomputes every row of `map_properties`, a range of property ids per transaction, then builds
 * the grid from scratch in one transaction. Usable without Nest (the seed calls it with its own
 * DataSource).
 *
 * Concurrency with the incremental refresh (which runs in the risk transaction):
 * - each range first takes `map_properties` in SHARE ROW EXCLUSIVE mode: refreshes in flight
 *   finish first and new ones wait, so a range never overwrites a fresher row with facts read
 *   before it (a few seconds per range);
 * - the grid is rebuilt under `map_grid_cells` in EXCLUSIVE mode (readers go on reading the old
 *   grid; refreshes wait): a refresh that wrote its rows before the rebuild read them and applies
 *   its grid delta after it, applies −old +new to a grid built from old — which is right.
 * DELETE rather than TRUNCATE: TRUNCATE would lock tile readers out for the whole rebuild.
 */
export async function rebuildMapReadModel(
  dataSource: DataSource,
  options: MapRebuildOptions = {},
): Promise<MapRebuildResult> {
  const batchSize = options.batchSize ?? MAP_REBUILD_BATCH;
  const now = options.now ?? new Date();
  const started = Date.now();
  let after = '00000000-0000-0000-0000-000000000000';
  let properties = 0;
  let written = 0;
  let gone = 0;
  for (;;) {
    const [page]: Array<{ last: string | null; count: number }> = await dataSource.query(
      `SELECT (array_agg(id ORDER BY id DESC))[1] AS last, count(*)::int AS count
         FROM (SELECT id FROM properties WHERE id > $1 ORDER BY id LIMIT $2) page`,
      [after, batchSize],
    );
    // After the last page: rows above the last property id can only be of properties gone.
    const upper = page.last ?? 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    const [result] = await dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE map_properties IN SHARE ROW EXCLUSIVE MODE`);
      const rows: MapRefreshResult[] = await manager.query(REBUILD_RANGE_SQL, [after, upper, now]);
      return rows;
    });
    written += result.written;
    gone += result.gone;
    properties += page.count;
    options.onBatch?.(properties);
    if (page.last === null) break;
    after = page.last;
  }
  const rowsDone = Date.now();
  const gridRows = await dataSource.transaction(async (manager) => {
    await manager.query(`LOCK TABLE map_grid_cells IN EXCLUSIVE MODE`);
    await manager.query(`DELETE FROM map_grid_cells`);
    await manager.query(REBUILD_GRID_SQL);
    const [{ count }]: Array<{ count: number }> = await manager.query(
      `SELECT count(*)::int AS count FROM map_grid_cells`,
    );
    return count;
  });
  // The deleted rows' space back, and fresh statistics for the tile queries.
  await dataSource.query(`VACUUM (ANALYZE) map_grid_cells`);
  return {
    properties,
    written,
    gone,
    gridRows,
    rowsMs: rowsDone - started,
    gridMs: Date.now() - rowsDone,
  };
}

/** The only code that writes the map's read model. */
@Injectable()
export class MapReadModelRepository {
  constructor(
    private readonly txHost: TransactionHost,
    private readonly dataSource: DataSource,
  ) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  /** In the caller's transaction. */
  refresh(propertyIds: readonly string[], now: Date): Promise<MapRefreshResult> {
    return refreshMapRows(this.manager, propertyIds, now);
  }

  /** Its own transactions: never inside another. */
  rebuildAll(options: MapRebuildOptions): Promise<MapRebuildResult> {
    return rebuildMapReadModel(this.dataSource, options);
  }

  /** Properties exist but the read model holds none: a database from before the map. */
  async isUnbuilt(): Promise<boolean> {
    const [row]: Array<{ unbuilt: boolean }> = await this.manager.query(
      `SELECT NOT EXISTS (SELECT 1 FROM map_properties) AND EXISTS (SELECT 1 FROM properties)
                AS unbuilt`,
    );
    return row.unbuilt;
  }
}
