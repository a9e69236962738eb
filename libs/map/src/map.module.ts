import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule, OutboxModule } from '@hausakte/jobs';
import { LandlordNetworksService, LandlordsModule } from '@hausakte/landlords';
import { PropertiesModule } from '@hausakte/properties';
import { AreaRepository } from './area/area.repository';
import { AreaService } from './area/area.service';
import { DashboardRepository } from './dashboard/dashboard.repository';
import { DashboardService } from './dashboard/dashboard.service';
import { ExportRepository } from './export/export.repository';
import { ExportService } from './export/export.service';
import { MapGridCell } from './map-grid-cell.entity';
import { MapProperty } from './map-property.entity';
import { MapReadModelRepository } from './map-read-model.repository';
import { MapReadModel } from './map-read-model.service';
import { MapTilesRepository } from './map-tiles.repository';
import { LANDLORD_NETWORK_LOOKUP, MapTilesService } from './map-tiles.service';
import { PropertyRisk } from './property-risk.entity';
import { RiskJobs } from './risk-jobs';
import { RiskRepository } from './risk.repository';
import { RiskService } from './risk.service';
import { RiskWeightsVersion } from './risk-weights.entity';

/** The map's read models: for now the explainable risk score per property. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PropertyRisk, RiskWeightsVersion, MapProperty, MapGridCell]),
    OutboxModule,
    PropertiesModule,
    LandlordsModule,
  ],
  providers: [
    RiskRepository,
    RiskService,
    MapReadModelRepository,
    MapReadModel,
    MapTilesRepository,
    MapTilesService,
    { provide: LANDLORD_NETWORK_LOOKUP, useExisting: LandlordNetworksService },
    DashboardRepository,
    DashboardService,
    AreaRepository,
    AreaService,
    ExportRepository,
    ExportService,
  ],
  exports: [
    RiskService,
    MapReadModel,
    MapTilesService,
    DashboardService,
    AreaService,
    ExportService,
  ],
})
export class MapModule {}

/** The worker's part: recomputes scores on the events that change them. */
@Module({
  imports: [MapModule, JobsModule],
  providers: [RiskJobs],
})
export class MapJobsModule {}
