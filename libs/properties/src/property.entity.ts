import type { Point } from 'typeorm';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Building } from './building.entity';
import { District } from './district.entity';
import { PropertyAddress } from './property-address.entity';

/** A plot with one or more buildings (Objekt / Grundstück). */
@Entity({ name: 'properties' })
export class Property {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'properties_pkey' })
  id!: string;

  @Index('properties_location_idx', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  /** Cadastral reference, e.g. "Gemarkung Herne, Flur 3, Flurstück 112". */
  @Column({ name: 'parcel_ref', type: 'text', nullable: true })
  parcelRef!: string | null;

  @Index('properties_district_id_idx')
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId!: string | null;

  @ManyToOne(() => District)
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'properties_district_id_fkey' })
  district?: District | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @OneToMany(() => PropertyAddress, (address) => address.property)
  addresses?: PropertyAddress[];

  @OneToMany(() => Building, (building) => building.property)
  buildings?: Building[];

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
