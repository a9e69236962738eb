import { CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Column } from 'typeorm';

/** A defect in a case. The key is the defect: it belongs to at most one case. */
@Entity({ name: 'case_defects' })
export class CaseDefect {
  @ForeignKey('defects', { name: 'case_defects_defect_id_fkey' })
  @PrimaryColumn({ name: 'defect_id', type: 'uuid', primaryKeyConstraintName: 'case_defects_pkey' })
  defectId!: string;

  @Index('case_defects_case_id_idx')
  @ForeignKey('cases', { name: 'case_defects_case_id_fkey' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
