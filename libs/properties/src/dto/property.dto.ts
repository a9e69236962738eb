import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Building } from '../building.entity';
import type { PropertyAddress } from '../property-address.entity';
import type { Property } from '../property.entity';
import type { Unit } from '../unit.entity';
import { PointDto } from './point.dto';

export class AddressDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() street!: string;
  @ApiProperty() houseNumber!: string;
  @ApiProperty() postcode!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ nullable: true, type: String }) district!: string | null;
  @ApiProperty() isPrimary!: boolean;

  static from(address: PropertyAddress): AddressDto {
    return {
      id: address.id,
      street: address.street,
      houseNumber: address.houseNumber,
      postcode: address.postcode,
      city: address.city,
      district: address.district,
      isPrimary: address.isPrimary,
    };
  }
}

export class DistrictRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Herne-Mitte' }) name!: string;
}

export class DistrictPageDto {
  @ApiProperty({ type: [DistrictRefDto] }) items!: DistrictRefDto[];
  @ApiProperty() total!: number;
}

export class UnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({ example: 'EG links' }) label!: string;
  @ApiProperty({ nullable: true, type: Number }) floor!: number | null;
  @ApiProperty({ nullable: true, type: Number }) areaM2!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rooms!: number | null;

  static from(unit: Unit): UnitDto {
    return {
      id: unit.id,
      version: unit.version,
      buildingId: unit.buildingId,
      label: unit.label,
      floor: unit.floor,
      areaM2: unit.areaM2,
      rooms: unit.rooms,
    };
  }
}

export class BuildingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Vorderhaus' }) label!: string;
  @ApiProperty({ nullable: true, type: Number }) yearBuilt!: number | null;
  @ApiProperty({ type: [UnitDto] }) units!: UnitDto[];

  static from(building: Building): BuildingDto {
    return {
      id: building.id,
      label: building.label,
      yearBuilt: building.yearBuilt,
      units: (building.units ?? []).map((unit) => UnitDto.from(unit)),
    };
  }
}

export class PropertyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Send as If-Match when changing the property.' }) version!: number;
  @ApiProperty({ type: PointDto }) location!: PointDto;
  @ApiProperty({ nullable: true, type: String }) parcelRef!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ nullable: true, type: DistrictRefDto }) district!: DistrictRefDto | null;
  @ApiProperty({ type: [AddressDto], description: 'Primary first' }) addresses!: AddressDto[];
  @ApiProperty({ type: [BuildingDto] }) buildings!: BuildingDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  /** `property` with addresses, buildings and units, and district loaded (in display order). */
  static from(property: Property): PropertyDto {
    return {
      id: property.id,
      version: property.version,
      location: { type: 'Point', coordinates: property.location.coordinates as [number, number] },
      parcelRef: property.parcelRef,
      notes: property.notes,
      district: property.district
        ? { id: property.district.id, name: property.district.name }
        : null,
      addresses: (property.addresses ?? []).map((address) => AddressDto.from(address)),
      buildings: (property.buildings ?? []).map((building) => BuildingDto.from(building)),
      createdAt: property.createdAt.toISOString(),
      updatedAt: property.updatedAt.toISOString(),
    };
  }
}

export class PropertySummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: PointDto }) location!: PointDto;
  @ApiProperty({ type: AddressDto }) primaryAddress!: AddressDto;
  @ApiProperty({ nullable: true, type: DistrictRefDto }) district!: DistrictRefDto | null;
  @ApiProperty() unitCount!: number;
  @ApiPropertyOptional({ description: 'Metres from `near`, when given' }) distanceM?: number;
}

export class PropertyPageDto {
  @ApiProperty({ type: [PropertySummaryDto] }) items!: PropertySummaryDto[];
  @ApiProperty() total!: number;
}
