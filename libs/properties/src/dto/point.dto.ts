import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, ValidateBy } from 'class-validator';

const isLonLat = (value: unknown) =>
  Array.isArray(value) &&
  value.length === 2 &&
  typeof value[0] === 'number' &&
  typeof value[1] === 'number' &&
  value[0] >= -180 &&
  value[0] <= 180 &&
  value[1] >= -90 &&
  value[1] <= 90;

/** A GeoJSON point, `[longitude, latitude]` in WGS 84 (RFC 7946). */
export class PointDto {
  @ApiProperty({ enum: ['Point'] })
  @IsIn(['Point'], { message: 'must be "Point"' })
  type!: 'Point';

  @ApiProperty({ type: [Number], example: [7.2201, 51.5389], description: '[longitude, latitude]' })
  @IsArray({ message: 'must be [longitude, latitude]' })
  @ArrayMinSize(2, { message: 'must be [longitude, latitude]' })
  @ArrayMaxSize(2, { message: 'must be [longitude, latitude]' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true, message: 'must be numbers' })
  @ValidateBy({
    name: 'isLonLat',
    validator: {
      validate: isLonLat,
      defaultMessage: () => 'must be [longitude -180..180, latitude -90..90]',
    },
  })
  coordinates!: [number, number];
}
