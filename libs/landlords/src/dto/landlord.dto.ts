import { ApiProperty } from '@nestjs/swagger';
import { LANDLORD_KINDS, Landlord, LandlordKind } from '../landlord.entity';

export class PostalAddressDto {
  @ApiProperty({ example: 'Bahnhofstraße' }) street!: string;
  @ApiProperty({ example: '12a' }) houseNumber!: string;
  @ApiProperty({ example: '44623' }) postcode!: string;
  @ApiProperty({ example: 'Herne' }) city!: string;
  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2' }) country!: string;

  /** Null when the landlord has no postal address (its street is the marker). */
  static of(landlord: Landlord): PostalAddressDto | null {
    if (landlord.postalStreet === null) return null;
    return {
      street: landlord.postalStreet,
      houseNumber: landlord.postalHouseNumber ?? '',
      postcode: landlord.postalPostcode ?? '',
      city: landlord.postalCity ?? '',
      country: landlord.postalCountry,
    };
  }
}

/** A landlord with contact data. Reading a person's contact data is recorded in the audit trail. */
export class LandlordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Send as If-Match when changing the landlord.' }) version!: number;
  @ApiProperty({ enum: LANDLORD_KINDS }) kind!: LandlordKind;
  @ApiProperty({ example: 'Wohnbau Emscher GmbH' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'HRB 12345' }) registerNumber!:
    string | null;
  @ApiProperty({ type: [String], example: ['Petra Nowak'] }) directors!: string[];
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: () => PostalAddressDto, nullable: true })
  postalAddress!: PostalAddressDto | null;
  @ApiProperty({ type: String, nullable: true }) undeliverableNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;

  static from(landlord: Landlord): LandlordDto {
    return {
      id: landlord.id,
      version: landlord.version,
      kind: landlord.kind,
      name: landlord.name,
      registerNumber: landlord.registerNumber,
      directors: landlord.directors,
      email: landlord.email,
      phone: landlord.phone,
      postalAddress: PostalAddressDto.of(landlord),
      undeliverableNote: landlord.undeliverableNote,
      notes: landlord.notes,
      createdAt: landlord.createdAt,
      updatedAt: landlord.updatedAt,
    };
  }
}

/** A list item: no contact data, so lists can be read without recording a read of personal data. */
export class LandlordSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LANDLORD_KINDS }) kind!: LandlordKind;
  @ApiProperty({ example: 'Wohnbau Emscher GmbH' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'HRB 12345' }) registerNumber!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'City of the postal address' })
  city!: string | null;
}

export class LandlordPageDto {
  @ApiProperty({ type: [LandlordSummaryDto] }) items!: LandlordSummaryDto[];
  @ApiProperty() total!: number;
}
