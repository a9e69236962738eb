import { Injectable, Logger, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobHandlers, JobsModule, JobsService, OutboxModule } from '@hausakte/jobs';
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
  imports: [TypeOrmModule.forFeature([Landlord, Ownership]), OutboxModule],
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
export class LandlordJobs implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(LandlordJobs.name);

  constructor(
    private readonly handlers: JobHandlers,
    private readonly networks: LandlordNetworksService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('landlord-networks-rebuild', () => this.networks.rebuildAllLinks());
  }

  /** Landlords from before networks get theirs now, not at the nightly rebuild; queued once. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      if (!(await this.networks.isUnbuilt())) return;
      await this.jobs.enqueue('landlord-networks-rebuild', {
        jobId: 'landlord-networks-rebuild-backfill',
      });
      this.logger.log('No landlord network was ever derived: a full rebuild is queued');
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Could not check the landlord networks');
    }
  }
}

@Module({
  imports: [LandlordsModule, JobsModule],
  providers: [LandlordJobs],
})
export class LandlordJobsModule {}
