import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';

export class DistrictRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Herne-Mitte' })
  name!: string;
}

export class InspectorDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ['inspector', 'officer'] })
  role!: string;

  @ApiProperty({ type: [DistrictRefDto] })
  districts!: DistrictRefDto[];
}

export class InspectorPageDto {
  @ApiProperty({ type: [InspectorDto] })
  items!: InspectorDto[];

  @ApiProperty()
  total!: number;
}

export class InspectorQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only people assigned to this district' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  districtId?: string;
}

export class SetDistrictsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  districtIds!: string[];
}
