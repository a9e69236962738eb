import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobHandlers, JobsModule } from '@hausakte/jobs';
import { Landlord } from './landlord.entity';
import { LandlordNetworkRepository } from './landlord-network.repository';
import { LandlordNetworksService } from './landlord-networks.service';
import { LandlordRepository } from './landlord.repository';
import { LandlordsService } from './landlords.service';
import { LegalCalendar } from './legal-calendar';
import { Ownership } from './ownership.entity';
import { OwnershipRepository } from './ownership.repository';
import { OwnershipsService } from './ownerships.service';

/**
 * Landlords and their ownerships of properties, and landlord networks. Ownerships reference the
 * `properties` table, so the app must load the properties lib's entities too (PropertiesModule).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Landlord, Ownership])],
  providers: [
    LandlordRepository,
    OwnershipRepository,
    LandlordNetworkRepository,
    LegalCalendar,
    LandlordsService,
    OwnershipsService,
    LandlordNetworksService,
  ],
  exports: [LandlordsService, OwnershipsService, LandlordNetworksService, LegalCalendar],
})
export class LandlordsModule {}

/** The worker's side: derives every landlord network again (nightly, as a safety net). */
@Injectable()
export class LandlordJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly networks: LandlordNetworksService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('landlord-networks-rebuild', () => this.networks.rebuildAllLinks());
  }
}

@Module({
  imports: [LandlordsModule, JobsModule],
  providers: [LandlordJobs],
})
export class LandlordJobsModule {}
