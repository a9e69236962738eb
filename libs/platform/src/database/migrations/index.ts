import { Foundation1764000000000 } from './1764000000000-foundation';
import { Register1764100000000 } from './1764100000000-register';
import { Inspections1764200000000 } from './1764200000000-inspections';
import { Photos1764200000001 } from './1764200000001-photos';
import { InspectionIndexes1764200000002 } from './1764200000002-inspection-indexes';
import { Notifications1764300000000 } from './1764300000000-notifications';
import { Letters1764300000001 } from './1764300000001-letters';
import { Enforcement1764300000002 } from './1764300000002-enforcement';
import { OrderLetters1764300000003 } from './1764300000003-order-letters';
import { Closures1764300000004 } from './1764300000004-closures';
import { OrderFixes1764300000005 } from './1764300000005-order-fixes';
import { Threats1764300000006 } from './1764300000006-threats';
import { DeadlineJobs1764400000000 } from './1764400000000-deadline-jobs';
import { ClosureRechecks1764400000001 } from './1764400000001-closure-rechecks';
import { MapReadModel1764500000000 } from './1764500000000-map-read-model';
import { LandlordNetworks1764500000001 } from './1764500000001-landlord-networks';
import { MapLandlordGeom1764600000000 } from './1764600000000-map-landlord-geom';
import { SessionNotify1764600000001 } from './1764600000001-session-notify';
import { MapOverdueIndex1764600000002 } from './1764600000002-map-overdue-index';

/** Every migration in order. Listed explicitly so that bundled builds find them too. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Register1764100000000,
  Inspections1764200000000,
  Photos1764200000001,
  InspectionIndexes1764200000002,
  Notifications1764300000000,
  Letters1764300000001,
  Enforcement1764300000002,
  OrderLetters1764300000003,
  Closures1764300000004,
  OrderFixes1764300000005,
  Threats1764300000006,
  DeadlineJobs1764400000000,
  ClosureRechecks1764400000001,
  MapReadModel1764500000000,
  LandlordNetworks1764500000001,
  MapLandlordGeom1764600000000,
  SessionNotify1764600000001,
  MapOverdueIndex1764600000002,
];
