import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { PeriodUnit, Severity } from '../rules/severity';

/**
 * One version of a defect catalogue entry. An entry (its `code`) is never edited in place: a
 * change is a new row with the next version, so a finding keeps the wording, severity and period
 * it was recorded against. The newest version of a code is its current one.
 */
@Entity({ name: 'catalogue_items' })
@Unique('catalogue_items_code_version_key', ['code', 'version'])
@Check('catalogue_items_severity_check', `severity IN ('A', 'B', 'C')`)
@Check(
  'catalogue_items_period_check',
  `(period_unit IS NULL AND period_amount IS NULL) OR (period_unit IN ('hours', 'days') AND period_amount >= 1)`,
)
@Check('catalogue_items_version_check', `version >= 1`)
export class CatalogueItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'catalogue_items_pkey' })
  id!: string;

  /** Stable across versions, e.g. "S5-3-02". */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'integer' })
  version!: number;

  /** A `LegalGroundId`: the catalogue's group (§ 5 Nr. 1–7, § 5 other, § 6, § 9, § 10). */
  @Column({ name: 'legal_ground', type: 'text' })
  legalGround!: string;

  @Column({ name: 'title_de', type: 'text' })
  titleDe!: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn!: string;

  @Column({ name: 'description_de', type: 'text' })
  descriptionDe!: string;

  @Column({ name: 'description_en', type: 'text' })
  descriptionEn!: string;

  @Column({ type: 'text' })
  severity!: Severity;

  /** The item's own correction period; null: its severity's default applies. */
  @Column({ name: 'period_unit', type: 'text', nullable: true })
  periodUnit!: PeriodUnit | null;

  @Column({ name: 'period_amount', type: 'integer', nullable: true })
  periodAmount!: number | null;

  /** A retired entry is not offered for new findings; old findings keep it. */
  @Column({ type: 'boolean', default: false })
  retired!: boolean;

  @ForeignKey('users', { name: 'catalogue_items_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
