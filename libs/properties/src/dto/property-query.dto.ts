import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@hausakte/platform';
import { MAX_RADIUS_M } from '../geo-filters';

export class PropertyQueryDto extends PageQuery {
  @ApiPropertyOptional({
    example: 'Bahnhofstr 12',
    description: 'Address search; tolerates typos and spellings',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    example: '7.20,51.53,7.23,51.55',
    description: 'minLon,minLat,maxLon,maxLat',
  })
  @IsOptional()
  @IsString()
  bbox?: string;

  @ApiPropertyOptional({ example: '7.2201,51.5389', description: 'lon,lat; sorts by distance' })
  @IsOptional()
  @IsString()
  near?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_RADIUS_M,
    default: 250,
    description: 'metres, with near',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_RADIUS_M)
  radius?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  districtId?: string;
}
