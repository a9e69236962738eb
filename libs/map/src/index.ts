export * from './map.module';
export * from './risk.dto';
export * from './risk.service';
export * from './risk-jobs';
export * from './rules';
