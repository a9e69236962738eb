import type { MultiPolygon } from 'typeorm';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A borough of the authority, with its outline (in the demo data a synthetic one). */
@Entity({ name: 'districts' })
@Unique('districts_name_key', ['name'])
export class District {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'districts_pkey' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('districts_outline_idx', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326 })
  outline!: MultiPolygon;

  /** Where the outline comes from (a survey office, or "synthetic"). */
  @Column({ type: 'text' })
  source!: string;
}
