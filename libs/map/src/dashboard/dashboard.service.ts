import { Injectable } from '@nestjs/common';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { berlinDateOf, NotFoundProblem, Transactional } from '@hausakte/platform';
import type { DashboardDto } from './dashboard.dto';
import { DashboardRepository } from './dashboard.repository';

/** The managers' overview: what is open, what is late, what is coming, and how it develops. */
@Injectable()
export class DashboardService {
  constructor(private readonly dashboard: DashboardRepository) {}

  /** One read-only transaction: every figure comes from the same snapshot. */
  @Transactional<TransactionalAdapterTypeOrm>({ isolationLevel: 'REPEATABLE READ' })
  async get(districtId: string | null, now = new Date()): Promise<DashboardDto> {
    if (districtId !== null && !(await this.dashboard.districtExists(districtId))) {
      throw new NotFoundProblem('District');
    }
    const today = berlinDateOf(now);
    const [totals, districts, trend] = [
      await this.dashboard.totals(districtId, today),
      await this.dashboard.districts(districtId),
      await this.dashboard.trend(districtId, today),
    ];
    return {
      today,
      districtId,
      totals: {
        problemProperties: totals.problem_properties,
        openCases: totals.open_cases,
        overdueItems: totals.overdue_items,
        deadlinesThisWeek: totals.deadlines_this_week,
        reinspectionsPlanned: totals.reinspections_planned,
        closures: {
          declared: totals.closures_declared,
          vacated: totals.closures_vacated,
          sealed: totals.closures_sealed,
          releasedLast12Months: totals.closures_released,
        },
      },
      districts: districts.map((row) => ({
        districtId: row.district_id,
        name: row.name,
        problemProperties: row.problem_properties,
        openCases: row.open_cases,
        overdueItems: row.overdue_items,
        activeClosures: row.active_closures,
      })),
      trend: trend.map((row) => ({
        month: row.month,
        casesOpened: row.cases_opened,
        ordersServed: row.orders_served,
        itemsOverdue: row.items_overdue,
        closuresDeclared: row.closures_declared,
      })),
    };
  }
}
