import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { Landlord } from './landlord.entity';

export const OWNERSHIP_ROLES = ['owner', 'joint_owner', 'manager', 'head_tenant'] as const;
export type OwnershipRole = (typeof OWNERSHIP_ROLES)[number];

/**
 * A landlord's role for a property over a period (Eigentums- / Verwaltungsverhältnis). Both ends
 * of the period are days of it; `validTo` null means still running. The database refuses two
 * overlapping periods of the same property, landlord and role, whoever writes.
 */
@Entity({ name: 'ownerships' })
@Check('ownerships_role_check', `role IN ('owner', 'joint_owner', 'manager', 'head_tenant')`)
@Check('ownerships_period_check', `valid_to IS NULL OR valid_to >= valid_from`)
@Exclusion(
  'ownerships_no_overlap',
  `USING gist (property_id WITH =, landlord_id WITH =, role WITH =, daterange(valid_from, valid_to, '[]') WITH &&)`,
)
export class Ownership {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ownerships_pkey' })
  id!: string;

  // A foreign key by table name: this lib reads properties only through SQL, never through the
  // properties lib's classes. The properties lib's entity must be registered in the DataSource.
  @Index('ownerships_property_id_idx')
  @ForeignKey('properties', { name: 'ownerships_property_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Index('ownerships_landlord_id_idx')
  @Column({ name: 'landlord_id', type: 'uuid' })
  landlordId!: string;

  @ManyToOne(() => Landlord)
  @JoinColumn({ name: 'landlord_id', foreignKeyConstraintName: 'ownerships_landlord_id_fkey' })
  landlord?: Landlord;

  @Column({ type: 'text' })
  role!: OwnershipRole;

  /** `YYYY-MM-DD`, the first day. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  /** `YYYY-MM-DD`, the last day; null while the period runs. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
