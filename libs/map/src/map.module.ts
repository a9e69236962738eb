import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule, OutboxModule } from '@hausakte/jobs';
import { PropertiesModule } from '@hausakte/properties';
import { PropertyRisk } from './property-risk.entity';
import { RiskJobs } from './risk-jobs';
import { RiskRepository } from './risk.repository';
import { RiskService } from './risk.service';
import { RiskWeightsVersion } from './risk-weights.entity';

/** The map's read models: for now the explainable risk score per property. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PropertyRisk, RiskWeightsVersion]),
    OutboxModule,
    PropertiesModule,
  ],
  providers: [RiskRepository, RiskService],
  exports: [RiskService],
})
export class MapModule {}

/** The worker's part: recomputes scores on the events that change them. */
@Module({
  imports: [MapModule, JobsModule],
  providers: [RiskJobs],
})
export class MapJobsModule {}
