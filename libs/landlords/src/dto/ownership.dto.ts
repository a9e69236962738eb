import { ApiProperty } from '@nestjs/swagger';
import { LANDLORD_KINDS, LandlordKind } from '../landlord.entity';
import { OWNERSHIP_ROLES, OwnershipRole } from '../ownership.entity';

/** The landlord as an ownership names it: no contact data. */
export class OwnershipLandlordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LANDLORD_KINDS }) kind!: LandlordKind;
  @ApiProperty({ example: 'Wohnbau Emscher GmbH' }) name!: string;
}

/** The property's primary address, as the property register shows it. */
export class OwnershipAddressDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Bahnhofstraße' }) street!: string;
  @ApiProperty({ example: '12a' }) houseNumber!: string;
  @ApiProperty({ example: '44623' }) postcode!: string;
  @ApiProperty({ example: 'Herne' }) city!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Herne-Mitte' }) district!: string | null;
  @ApiProperty({ example: true }) isPrimary!: boolean;
}

/** A GeoJSON point, `[longitude, latitude]` (RFC 7946). */
export class OwnershipLocationDto {
  @ApiProperty({ enum: ['Point'] }) type!: 'Point';
  @ApiProperty({ type: [Number], example: [7.2201, 51.5389], description: '[longitude, latitude]' })
  coordinates!: [number, number];
}

export class OwnershipPropertyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    type: () => OwnershipAddressDto,
    nullable: true,
    description: 'Null only for a property without any address',
  })
  primaryAddress!: OwnershipAddressDto | null;
  @ApiProperty({ type: () => OwnershipLocationDto }) location!: OwnershipLocationDto;
}

export class OwnershipDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Send as If-Match when changing the period.' }) version!: number;
  @ApiProperty({ enum: OWNERSHIP_ROLES }) role!: OwnershipRole;
  @ApiProperty({ format: 'date', example: '2019-04-01', description: 'The first day' })
  validFrom!: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2024-12-31',
    description: 'The last day; null while the period runs',
  })
  validTo!: string | null;
  @ApiProperty({ description: 'The period includes today (Europe/Berlin).' }) current!: boolean;
  @ApiProperty({ type: () => OwnershipLandlordDto }) landlord!: OwnershipLandlordDto;
  @ApiProperty({ type: () => OwnershipPropertyDto }) property!: OwnershipPropertyDto;
}

export class OwnershipPageDto {
  @ApiProperty({
    type: [OwnershipDto],
    description: 'Current first, then the rest by last day, latest first',
  })
  items!: OwnershipDto[];
  @ApiProperty() total!: number;
}
