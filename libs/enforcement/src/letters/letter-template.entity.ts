import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { LetterTemplateContent, LetterTemplateKey } from './letter-template-content';

/**
 * One version of a letter template. A template (its `key`) is never edited in place: a change is
 * a new row with the next version, so a letter keeps pointing at the wording it was rendered
 * from. The newest version of a key is its current one.
 */
@Entity({ name: 'letter_templates' })
@Unique('letter_templates_key_version_key', ['key', 'version'])
@Check(
  'letter_templates_key_check',
  `key IN ('hearing', 'repair_order', 'uninhabitability_order', 'occupancy_order', 'cooperation_order')`,
)
@Check('letter_templates_version_check', `version >= 1`)
export class LetterTemplate {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'letter_templates_pkey' })
  id!: string;

  @Column({ type: 'text' })
  key!: LetterTemplateKey;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  content!: LetterTemplateContent;

  /** Null for the versions Hausakte shipped. */
  @ForeignKey('users', { name: 'letter_templates_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
