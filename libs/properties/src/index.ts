export * from './address-search';
export * from './properties.module';
export * from './properties.service';
export * from './property.repository';
export * from './dto/point.dto';
export * from './dto/property.dto';
export * from './dto/property-input.dto';
export * from './dto/property-query.dto';
