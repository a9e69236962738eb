import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Property } from './property.entity';

@Entity({ name: 'property_addresses' })
@Check('property_addresses_street_check', `btrim(street) <> ''`)
@Check('property_addresses_postcode_check', `postcode ~ '^[0-9]{5}$'`)
@Index('property_addresses_one_primary_idx', ['propertyId'], { unique: true, where: 'is_primary' })
// GIN with gin_trgm_ops cannot be described to TypeORM; the migration owns it.
@Index('property_addresses_search_trgm_idx', { synchronize: false })
export class PropertyAddress {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'property_addresses_pkey' })
  id!: string;

  @Index('property_addresses_property_id_idx')
  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @ManyToOne(() => Property, (property) => property.addresses, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'property_id',
    foreignKeyConstraintName: 'property_addresses_property_id_fkey',
  })
  property?: Property;

  @Column({ type: 'text' })
  street!: string;

  @Column({ name: 'house_number', type: 'text' })
  houseNumber!: string;

  @Column({ type: 'text' })
  postcode!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text', nullable: true })
  district!: string | null;

  @Column({ name: 'is_primary', type: 'boolean', default: false })
  isPrimary!: boolean;

  /** `searchTextOf(address)`: what the trigram index matches searches against. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;
}
