import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import { OccupancyDto } from './occupancy.dto';
import { UnitOccupancy } from './unit-occupancy.entity';

export type NewOccupancy = Omit<UnitOccupancy, 'id'>;

@Injectable()
export class OccupancyRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get repo() {
    return (this.txHost as Tx).tx.getRepository(UnitOccupancy);
  }

  async insertMany(rows: NewOccupancy[]): Promise<void> {
    if (rows.length > 0) await this.repo.insert(rows);
  }

  async ofInspection(inspectionId: string): Promise<OccupancyDto[]> {
    const rows = await this.repo.find({ where: { inspectionId }, order: { unitId: 'ASC' } });
    return rows.map((row) => OccupancyDto.from(row));
  }
}
