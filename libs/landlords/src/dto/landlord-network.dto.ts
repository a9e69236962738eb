import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LANDLORD_KINDS, LandlordKind } from '../landlord.entity';
import { LINK_KINDS, LinkKind, LinkSource } from '../network-rules';
import { NOT_EMPTY, trim } from './field-rules';

const LINK_SOURCES: LinkSource[] = ['address', 'register', 'director', 'ownership'];

/** A landlord as a network names it: no contact data. */
export class NetworkMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LANDLORD_KINDS }) kind!: LandlordKind;
  @ApiProperty({ example: 'Wohnbau Emscher GmbH' }) name!: string;
}

export class NetworkLinkDto {
  @ApiProperty({ format: 'uuid', description: 'The lower id; the client of a managed_by link' })
  landlordAId!: string;
  @ApiProperty({ format: 'uuid', description: 'The higher id; the manager of a managed_by link' })
  landlordBId!: string;
  @ApiProperty({ enum: LINK_KINDS }) kind!: LinkKind;
  @ApiProperty({
    enum: LINK_SOURCES,
    description:
      'What the link was derived from; `ownership`: the manager manages the owner’s properties',
  })
  source!: LinkSource;
  @ApiProperty({
    example: 'Bahnhofstr. 12, 44623 Herne',
    description:
      'The shared value as recorded (address, register number, name; for an ownership: the number of properties)',
  })
  detail!: string;
  @ApiProperty({ example: 'gleiche Postanschrift: Bahnhofstr. 12, 44623 Herne' }) reason!: string;
}

/** A managed-by relation seen from one side: `landlord` is the manager, or the client. */
export class ManagementDto extends NetworkLinkDto {
  @ApiProperty({ type: () => NetworkMemberDto }) landlord!: NetworkMemberDto;
}

export class NetworkSplitDto {
  @ApiProperty({ format: 'uuid' }) otherLandlordId!: string;
  @ApiProperty({ example: 'Wohnbau Emscher GmbH' }) otherName!: string;
  @ApiProperty({ example: 'Namensgleichheit, andere Geburtsdaten' }) reason!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class LandlordNetworkDto {
  @ApiProperty({ format: 'uuid' }) landlordId!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null when the landlord is linked to no one',
  })
  networkId!: string | null;
  @ApiProperty({
    type: [NetworkMemberDto],
    description: 'The landlord and everyone in its network',
  })
  members!: NetworkMemberDto[];
  @ApiProperty({
    type: [NetworkLinkDto],
    description: 'The links among the members, each with its reason',
  })
  links!: NetworkLinkDto[];
  @ApiProperty({
    type: [ManagementDto],
    description: 'The property managers of this landlord (not network links)',
  })
  managedBy!: ManagementDto[];
  @ApiProperty({
    type: [ManagementDto],
    description: 'The landlords this one manages, first 100 by name',
  })
  manages!: ManagementDto[];
  @ApiProperty({ description: 'How many landlords this one manages' }) managesTotal!: number;
  @ApiProperty({ type: [NetworkSplitDto], description: 'Pairs an officer declared not the same' })
  splits!: NetworkSplitDto[];
}

export class CreateNetworkSplitDto {
  @ApiProperty({ format: 'uuid', description: 'The landlord that is not the same as this one' })
  @IsUUID('all', { message: 'must be a UUID' })
  otherLandlordId!: string;

  @ApiProperty({ example: 'Namensgleichheit, andere Geburtsdaten', maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @MinLength(1, NOT_EMPTY)
  @MaxLength(1000)
  reason!: string;
}
