import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@hausakte/jobs';
import { PropertiesModule } from '@hausakte/properties';
import { CatalogueItem } from './catalogue/catalogue-item.entity';
import { CatalogueRepository } from './catalogue/catalogue.repository';
import { CatalogueService } from './catalogue/catalogue.service';
import { DefectCheck } from './defects/defect-check.entity';
import { Defect } from './defects/defect.entity';
import { DefectRepository } from './defects/defect.repository';
import { DefectsService } from './defects/defects.service';
import { InspectionCompletionService } from './inspections/inspection-completion.service';
import { InspectionInspector } from './inspections/inspection-inspector.entity';
import { Inspection } from './inspections/inspection.entity';
import { InspectionRepository } from './inspections/inspection.repository';
import { InspectionsService } from './inspections/inspections.service';
import { InspectorsRepository } from './inspections/inspectors.repository';
import { InspectorsService } from './inspections/inspectors.service';
import { InspectorDistrict } from './inspections/inspector-district.entity';
import { PropertyFacts } from './inspections/property-facts.repository';
import { OccupancyRepository } from './occupancy/occupancy.repository';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';
import { UnitOccupancy } from './occupancy/unit-occupancy.entity';

/**
 * The inspector's side: the defect catalogue, inspections, findings, occupancy counts. Its tables
 * reference the register's and the users', so the app loads PropertiesModule and AuthModule too.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CatalogueItem,
      Inspection,
      InspectionInspector,
      InspectorDistrict,
      Defect,
      DefectCheck,
      UnitOccupancy,
    ]),
    OutboxModule,
    PropertiesModule,
  ],
  providers: [
    CatalogueRepository,
    CatalogueService,
    DefectRepository,
    DefectsService,
    InspectionRepository,
    InspectionsService,
    InspectionCompletionService,
    InspectorsRepository,
    InspectorsService,
    OccupancyRepository,
    PropertyFacts,
    TimelineRepository,
    TimelineService,
  ],
  exports: [
    CatalogueService,
    DefectsService,
    InspectionsService,
    InspectionCompletionService,
    InspectorsService,
    TimelineService,
  ],
})
export class InspectionsModule {}
