import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Landlord } from './landlord.entity';
import { LandlordRepository } from './landlord.repository';
import { LandlordsService } from './landlords.service';
import { LegalCalendar } from './legal-calendar';
import { Ownership } from './ownership.entity';
import { OwnershipRepository } from './ownership.repository';
import { OwnershipsService } from './ownerships.service';

/**
 * Landlords and their ownerships of properties. Ownerships reference the `properties` table, so
 * the app must load the properties lib's entities too (PropertiesModule).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Landlord, Ownership])],
  providers: [
    LandlordRepository,
    OwnershipRepository,
    LegalCalendar,
    LandlordsService,
    OwnershipsService,
  ],
  exports: [LandlordsService, OwnershipsService, LegalCalendar],
})
export class LandlordsModule {}
