import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const LANDLORD_KINDS = ['person', 'company'] as const;
export type LandlordKind = (typeof LANDLORD_KINDS)[number];

/** A person or company the city can address about a property (Verfügungsberechtigte/r). */
@Entity({ name: 'landlords' })
@Check('landlords_kind_check', `kind IN ('person', 'company')`)
@Check('landlords_name_check', `btrim(name) <> ''`)
// GIN with gin_trgm_ops cannot be described to TypeORM; the migration owns it.
@Index('landlords_name_trgm_idx', { synchronize: false })
export class Landlord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'landlords_pkey' })
  id!: string;

  @Column({ type: 'text' })
  kind!: LandlordKind;

  @Column({ type: 'text' })
  name!: string;

  /** Commercial register entry, e.g. "HRB 12345". */
  @Index('landlords_register_number_idx')
  @Column({ name: 'register_number', type: 'text', nullable: true })
  registerNumber!: string | null;

  /** Managing directors of a company (Geschäftsführung). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  directors!: string[];

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  // The postal address is all set or all null (postal_street null means none).
  @Column({ name: 'postal_street', type: 'text', nullable: true })
  postalStreet!: string | null;

  @Column({ name: 'postal_house_number', type: 'text', nullable: true })
  postalHouseNumber!: string | null;

  @Column({ name: 'postal_postcode', type: 'text', nullable: true })
  postalPostcode!: string | null;

  @Column({ name: 'postal_city', type: 'text', nullable: true })
  postalCity!: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ name: 'postal_country', type: 'text', default: 'DE' })
  postalCountry!: string;

  /** Why letters do not arrive (returned post, unknown at the address). */
  @Column({ name: 'undeliverable_note', type: 'text', nullable: true })
  undeliverableNote!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
