import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, AuthModule } from '@hausakte/auth';
import { EnforcementModule } from '@hausakte/enforcement';
import { ComplaintsModule, InspectionsModule } from '@hausakte/inspections';
import { OutboxModule } from '@hausakte/jobs';
import { LandlordsModule } from '@hausakte/landlords';
import { MapModule } from '@hausakte/map';
import { NotificationsModule } from '@hausakte/notifications';
import { PlatformModule } from '@hausakte/platform';
import { PropertiesModule } from '@hausakte/properties';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { ComplaintsController } from './complaints/complaints.controller';
import { CasesController } from './enforcement/cases.controller';
import { ClosuresController } from './enforcement/closures.controller';
import { HearingsController } from './enforcement/hearings.controller';
import { OrdersController } from './enforcement/orders.controller';
import { HealthController } from './health/health.controller';
import { CatalogueController } from './inspections/catalogue.controller';
import { DefectsController } from './inspections/defects.controller';
import { InspectionsController } from './inspections/inspections.controller';
import { InspectorsController } from './inspections/inspectors.controller';
import { TimelineController } from './inspections/timeline.controller';
import { LandlordNetworksController } from './landlords/landlord-networks.controller';
import { LandlordsController } from './landlords/landlords.controller';
import { DashboardController } from './map/dashboard.controller';
import { MapExportsController } from './map/map-exports.controller';
import { MapTilesController } from './map/map-tiles.controller';
import { RiskController } from './map/risk.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { OwnershipsController } from './landlords/ownerships.controller';
import { EnforcementLettersModule } from './enforcement/letters-api.module';
import { PhotosApiModule } from './photos/photos-api.module';
import { PropertiesController } from './properties/properties.controller';
import { UsersController } from './users/users.controller';
import { WebConfigController } from './web/web-config.controller';

@Module({
  imports: [
    PlatformModule,
    AuthModule,
    OutboxModule,
    PropertiesModule,
    LandlordsModule,
    ComplaintsModule,
    InspectionsModule,
    MapModule,
    PhotosApiModule,
    EnforcementLettersModule,
    EnforcementModule,
    NotificationsModule,
  ],
  controllers: [
    HealthController,
    AuthController,
    UsersController,
    AuditController,
    PropertiesController,
    LandlordsController,
    LandlordNetworksController,
    OwnershipsController,
    ComplaintsController,
    CatalogueController,
    InspectionsController,
    InspectorsController,
    TimelineController,
    RiskController,
    DashboardController,
    MapExportsController,
    MapTilesController,
    DefectsController,
    CasesController,
    HearingsController,
    OrdersController,
    ClosuresController,
    WebConfigController,
    NotificationsController,
  ],
  providers: [{ provide: APP_GUARD, useExisting: AccessGuard }],
})
export class ApiModule {}
