import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** An inspector's district: routes new work and notifications to the people who know the area. */
@Entity({ name: 'inspector_districts' })
export class InspectorDistrict {
  @ForeignKey('users', { name: 'inspector_districts_user_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({
    name: 'user_id',
    type: 'uuid',
    primaryKeyConstraintName: 'inspector_districts_pkey',
  })
  userId!: string;

  @Index('inspector_districts_district_id_idx')
  @ForeignKey('districts', { name: 'inspector_districts_district_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({
    name: 'district_id',
    type: 'uuid',
    primaryKeyConstraintName: 'inspector_districts_pkey',
  })
  districtId!: string;
}
