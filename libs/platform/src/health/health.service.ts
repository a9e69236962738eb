import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RedisProbe } from './redis-probe';

export type ComponentStatus = 'up' | 'down';

export interface DatabaseHealth {
  status: ComponentStatus;
  version?: string;
  postgis?: string;
}

export interface ServiceHealth {
  database: DatabaseHealth;
  redis: { status: ComponentStatus };
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisProbe,
  ) {}

  async check(): Promise<ServiceHealth> {
    const [database, redisUp] = await Promise.all([this.checkDatabase(), this.redis.ping()]);
    return { database, redis: { status: redisUp ? 'up' : 'down' } };
  }

  private async checkDatabase(): Promise<DatabaseHealth> {
    try {
      const rows: Array<{ version: string; postgis: string }> = await this.dataSource.query(
        `SELECT current_setting('server_version') AS version, postgis_lib_version() AS postgis`,
      );
      return { status: 'up', version: rows[0].version, postgis: rows[0].postgis };
    } catch {
      return { status: 'down' };
    }
  }
}
