export * from './photos.module';
export * from './photos.service';
export * from './photo-uploads';
export * from './photo-retention';
export * from './photo.entity';
export * from './photo-problems';
export * from './dto/photo.dto';
export * from './defect-photo-lock';
