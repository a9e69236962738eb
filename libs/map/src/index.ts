export * from './area/area.dto';
export * from './area/area.service';
export * from './dashboard/dashboard.dto';
export * from './dashboard/dashboard.service';
export {
  EXPORT_FORMATS,
  ExportService,
  type ExportFormat,
  type MapExport,
} from './export/export.service';
export * from './map.module';
export * from './map-grid-cell.entity';
export * from './map-property.entity';
export {
  MAP_REBUILD_BATCH,
  rebuildMapReadModel,
  type MapRebuildOptions,
  type MapRebuildResult,
  type MapRefreshResult,
} from './map-read-model.repository';
export * from './map-read-model.service';
export * from './map-tiles.dto';
export {
  MapTilesService,
  LANDLORD_NETWORK_LOOKUP,
  type LandlordNetworkLookup,
  type TileAnswer,
} from './map-tiles.service';
export * from './risk.dto';
export * from './risk.service';
export * from './risk-jobs';
export * from './rules';
