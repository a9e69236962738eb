import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@hausakte/jobs';
import { PropertiesModule } from '@hausakte/properties';
import { Complaint } from './complaint.entity';
import { ComplaintRepository } from './complaint.repository';
import { ComplaintsService } from './complaints.service';

/** Complaints (Meldungen): intake, matching to a property, possible duplicates. */
@Module({
  imports: [TypeOrmModule.forFeature([Complaint]), PropertiesModule, OutboxModule],
  providers: [ComplaintRepository, ComplaintsService],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
