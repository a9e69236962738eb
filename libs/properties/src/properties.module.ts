import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@hausakte/jobs';
import { Building } from './building.entity';
import { District } from './district.entity';
import { PropertiesService } from './properties.service';
import { PropertyAddress } from './property-address.entity';
import { PropertyRepository } from './property.repository';
import { Property } from './property.entity';
import { Unit } from './unit.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([District, Property, PropertyAddress, Building, Unit]),
    OutboxModule,
  ],
  providers: [PropertyRepository, PropertiesService],
  exports: [PropertiesService],
})
export class PropertiesModule {}
