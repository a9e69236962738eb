import { Injectable, Logger } from '@nestjs/common';
import {
  MapReadModelRepository,
  type MapRebuildOptions,
  type MapRebuildResult,
  type MapRefreshResult,
} from './map-read-model.repository';

/**
 * The map's read model (`map_properties` and the grid `map_grid_cells`, docs/api/map.md): kept by
 * the worker in the transaction that recomputes the risk of a batch of properties (the same
 * outbox events), and rebuilt in full nightly after the scores and by the seed.
 */
@Injectable()
export class MapReadModel {
  private readonly logger = new Logger(MapReadModel.name);

  constructor(private readonly repository: MapReadModelRepository) {}

  /**
   * Brings the rows of these properties and the grid in step with the data, in the caller's
   * transaction (which must hold the properties' recompute locks and have written their risk).
   * A property gone drops out.
   */
  refresh(propertyIds: readonly string[], now = new Date()): Promise<MapRefreshResult> {
    return this.repository.refresh(propertyIds, now);
  }

  /** Properties exist but the read model holds none (a database from before the map). */
  isUnbuilt(): Promise<boolean> {
    return this.repository.isUnbuilt();
  }

  /** Every row recomputed (a batch per transaction), then the grid rebuilt from scratch. */
  async rebuildAll(options: MapRebuildOptions = {}): Promise<MapRebuildResult> {
    const result = await this.repository.rebuildAll(options);
    this.logger.log(result, 'Map read model rebuilt');
    return result;
  }
}
