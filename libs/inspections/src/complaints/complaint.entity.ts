import type { Point } from 'typeorm';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const COMPLAINT_SOURCES = [
  'tenant',
  'neighbour',
  'police',
  'job_centre',
  'anonymous',
] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

/** How the complaint found its property: by address, by distance, by a person, or not yet. */
export const COMPLAINT_MATCHES = ['address', 'nearby', 'manual', 'none'] as const;
export type ComplaintMatch = (typeof COMPLAINT_MATCHES)[number];

export const DUPLICATE_DECISIONS = ['duplicate', 'distinct'] as const;
export type DuplicateDecision = (typeof DUPLICATE_DECISIONS)[number];

/** A report (Meldung / Beschwerde) from a tenant, neighbour, police, job centre or anonymous. */
@Entity({ name: 'complaints' })
@Check(
  'complaints_source_check',
  `source IN ('tenant', 'neighbour', 'police', 'job_centre', 'anonymous')`,
)
@Check('complaints_match_check', `match IN ('address', 'nearby', 'manual', 'none')`)
@Check(
  'complaints_duplicate_decision_check',
  `duplicate_decision IS NULL OR duplicate_decision IN ('duplicate', 'distinct')`,
)
@Check('complaints_property_match_check', `(property_id IS NULL) = (match = 'none')`)
@Check('complaints_anonymous_check', `source <> 'anonymous' OR reporter_contact IS NULL`)
@Check('complaints_text_check', `btrim(text) <> ''`)
@Check(
  'complaints_place_check',
  `location IS NOT NULL OR (street IS NOT NULL AND house_number IS NOT NULL)`,
)
@Check(
  'complaints_decision_check',
  `(duplicate_decision IS NULL) = (decided_by IS NULL) AND (duplicate_decision IS NULL OR possible_duplicate_of IS NOT NULL)`,
)
@Index('complaints_property_id_received_at_idx', ['propertyId', 'receivedAt'])
export class Complaint {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'complaints_pkey' })
  id!: string;

  @Column({ type: 'text' })
  source!: ComplaintSource;

  /** A `LegalGroundId`: the catalogue group the reported problem belongs to. */
  @Column({ name: 'legal_ground', type: 'text' })
  legalGround!: string;

  @Column({ type: 'text' })
  text!: string;

  /** How to reach the reporter, if they gave it (never for anonymous reports). Personal data. */
  @Column({ name: 'reporter_contact', type: 'text', nullable: true })
  reporterContact!: string | null;

  @Column({ type: 'text', nullable: true })
  street!: string | null;

  @Column({ name: 'house_number', type: 'text', nullable: true })
  houseNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  postcode!: string | null;

  @Index('complaints_location_idx', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  location!: Point | null;

  @ForeignKey('properties', { name: 'complaints_property_id_fkey' })
  @Column({ name: 'property_id', type: 'uuid', nullable: true })
  propertyId!: string | null;

  @Column({ type: 'text' })
  match!: ComplaintMatch;

  /** An earlier complaint of the same property and category within 90 days, for a person to judge; never merged. */
  @ForeignKey('complaints', { name: 'complaints_possible_duplicate_of_fkey' })
  @Column({ name: 'possible_duplicate_of', type: 'uuid', nullable: true })
  possibleDuplicateOf!: string | null;

  /** A person's verdict on `possibleDuplicateOf`; null while undecided. */
  @Column({ name: 'duplicate_decision', type: 'text', nullable: true })
  duplicateDecision!: DuplicateDecision | null;

  /** Who gave `duplicateDecision` (the audit trail has when). */
  @ForeignKey('users', { name: 'complaints_decided_by_fkey' })
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Index('complaints_received_at_idx')
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @ForeignKey('users', { name: 'complaints_recorded_by_fkey' })
  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
