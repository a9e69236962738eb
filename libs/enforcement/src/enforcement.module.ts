import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule, OutboxModule } from '@hausakte/jobs';
import { InspectionsModule } from '@hausakte/inspections';
import { LandlordsModule } from '@hausakte/landlords';
import { NotificationsModule } from '@hausakte/notifications';
import { CaseDefect } from './cases/case-defect.entity';
import { ClosureRecheckJobs } from './closures/closure-recheck-jobs';
import { ClosureUnit } from './closures/closure-unit.entity';
import { Closure } from './closures/closure.entity';
import { ClosureRepository } from './closures/closure.repository';
import { ClosuresService } from './closures/closures.service';
import { EnforcementCase } from './cases/case.entity';
import { CaseRepository } from './cases/case.repository';
import { CasesService } from './cases/cases.service';
import { DeadlineDigest, DeadlineJob } from './deadlines/deadline-job.entity';
import { DeadlineFactsRepository } from './deadlines/deadline-facts.repository';
import { DeadlineJobRepository } from './deadlines/deadline-job.repository';
import { DeadlineJobRunner } from './deadlines/deadline-job-runner';
import { DeadlineJobs } from './deadlines/deadline-jobs';
import { DeadlineScheduler } from './deadlines/deadline-scheduler';
import { EnforcementEvents } from './deadlines/enforcement-events';
import { HearingDefect } from './hearings/hearing-defect.entity';
import { HearingViews } from './hearings/hearing-views';
import { Hearing } from './hearings/hearing.entity';
import { HearingRepository } from './hearings/hearing.repository';
import { HearingsService } from './hearings/hearings.service';
import { LettersModule } from './letters/letters.module';
import { EnforcementEvent } from './orders/enforcement-event.entity';
import { OrderItemDefect } from './orders/order-item-defect.entity';
import { OrderItem } from './orders/order-item.entity';
import { OrderViews } from './orders/order-views';
import { Order } from './orders/order.entity';
import { OrderRepository } from './orders/order.repository';
import { OrderEscalationService } from './orders/order-escalation.service';
import { OrderItemsService } from './orders/order-items.service';
import { OrderLettersService } from './orders/order-letters.service';
import { OrderSteps } from './orders/order-steps';
import { OrdersService } from './orders/orders.service';

/**
 * The officer's side: cases, hearings, orders with numbered items and the dates their service
 * sets. Its tables reference properties, defects, landlords and users, so the app loads those
 * libs' modules too. `LegalCalendar` (landlords) is its clock for legal days.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      EnforcementCase,
      CaseDefect,
      Hearing,
      HearingDefect,
      Order,
      OrderItem,
      OrderItemDefect,
      EnforcementEvent,
      Closure,
      ClosureUnit,
      DeadlineJob,
      DeadlineDigest,
    ]),
    OutboxModule,
    LandlordsModule,
    InspectionsModule,
    LettersModule,
    NotificationsModule,
  ],
  providers: [
    CaseRepository,
    CasesService,
    HearingRepository,
    HearingViews,
    HearingsService,
    OrderRepository,
    OrderViews,
    OrderSteps,
    OrdersService,
    OrderLettersService,
    OrderItemsService,
    OrderEscalationService,
    ClosureRepository,
    ClosuresService,
    DeadlineJobRepository,
    DeadlineScheduler,
    EnforcementEvents,
    DeadlineFactsRepository,
    DeadlineJobRunner,
  ],
  exports: [
    CasesService,
    HearingsService,
    OrdersService,
    OrderLettersService,
    OrderItemsService,
    OrderEscalationService,
    ClosuresService,
    DeadlineJobRunner,
    DeadlineJobRepository,
    DeadlineFactsRepository,
    DeadlineScheduler,
  ],
})
export class EnforcementModule {}

/** The worker's part: the deadline jobs' handlers and sweep rule, the re-letting checks' one. */
@Module({
  imports: [EnforcementModule, JobsModule],
  providers: [DeadlineJobs, ClosureRecheckJobs],
})
export class EnforcementJobsModule {}
