import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PostalAddressDto {
  @ApiProperty() street!: string;
  @ApiProperty() houseNumber!: string;
  @ApiProperty() postcode!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ example: 'DE' }) country!: string;
}

/** A landlord a letter went to, as on the day it was sent (a frozen snapshot). */
export class AddresseeDto {
  @ApiProperty({ format: 'uuid' }) landlordId!: string;
  @ApiProperty({ enum: ['owner', 'joint_owner', 'manager', 'head_tenant'] }) role!: string;
  @ApiProperty({ enum: ['person', 'company'] }) kind!: 'person' | 'company';
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) directors!: string[];
  @ApiPropertyOptional({ type: PostalAddressDto, nullable: true })
  postalAddress!: PostalAddressDto | null;
}
