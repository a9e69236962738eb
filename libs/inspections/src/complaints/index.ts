export * from './complaint.entity';
export * from './complaints.module';
export * from './complaints.service';
export * from './dto/complaint.dto';
export * from './dto/complaint-input.dto';
export * from './dto/complaint-query.dto';
