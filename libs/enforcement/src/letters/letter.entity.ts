import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { LetterData, LetterKind } from './letter-template-content';
import { LetterTemplate } from './letter-template.entity';

/**
 * A letter as it was issued: the template version and the data it was rendered from, and its
 * PDF in LETTER_STORAGE_DIR (path relative to it) with the SHA-256 of the bytes. Never
 * regenerated: a trigger refuses any change of what identifies the file. `data` holds personal
 * data (the addressee) and is replaced only by retention, with the file removed.
 */
@Entity({ name: 'letters' })
@Check('letters_kind_check', `kind IN ('hearing', 'order')`)
@Check('letters_reference_check', `btrim(reference) <> ''`)
@Check('letters_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('letters_byte_size_check', `byte_size > 0`)
export class Letter {
  /** Made before the file is written: the file is named after it. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'letters_pkey' })
  id!: string;

  /** The template version it was rendered from. */
  @Index('letters_template_id_idx')
  @ForeignKey(() => LetterTemplate, { name: 'letters_template_id_fkey' })
  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @Column({ type: 'text' })
  kind!: LetterKind;

  /** The case's reference (Aktenzeichen), as printed. */
  @Index('letters_reference_idx')
  @Column({ type: 'text' })
  reference!: string;

  /** The snapshot the letter was rendered from. */
  @Column({ type: 'jsonb' })
  data!: LetterData;

  @Column({ name: 'pdf_path', type: 'text' })
  pdfPath!: string;

  /** Of the PDF's bytes, lower-case hex. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize!: number;

  @ForeignKey('users', { name: 'letters_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
