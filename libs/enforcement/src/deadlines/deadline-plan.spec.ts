import {
  deadlineJobChanges,
  deadlineJobId,
  type DeadlineSource,
  plannedDeadlineJobs,
  type StoredDeadlineJob,
} from './deadline-plan';
import { DeadlineSchedule } from './deadline-schedule';

const schedule = new DeadlineSchedule({
  remindDaysBefore: [7, 1],
  reminderTime: '07:00',
  digestTime: '07:00',
});

const item = (
  overrides: Partial<DeadlineSource & { type: 'order_item' }> = {},
): DeadlineSource => ({
  type: 'order_item',
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '00000000-0000-4000-8000-0000000000c1',
  caseOpen: true,
  orderStatus: 'served',
  immediatelyEnforceable: false,
  status: 'open',
  dueOn: '2026-12-08',
  dueAt: null,
  ...overrides,
});

const kinds = (source: DeadlineSource) =>
  plannedDeadlineJobs(source, schedule).map((job) => `${job.kind}@${job.fireAt.toISOString()}`);

describe('plannedDeadlineJobs', () => {
  it('gives an open item of a served order its reminders and its "passed" job', () => {
    expect(kinds(item())).toEqual([
      'remind-7@2026-12-01T06:00:00.000Z',
      'remind-1@2026-12-07T06:00:00.000Z',
      'remind-0@2026-12-08T06:00:00.000Z',
      'passed@2026-12-08T23:00:00.000Z',
    ]);
  });

  it('gives nothing to a complied item, an item without a due date, or an order not served', () => {
    expect(kinds(item({ status: 'complied' }))).toEqual([]);
    expect(kinds(item({ dueOn: null }))).toEqual([]);
    expect(kinds(item({ orderStatus: 'issued' }))).toEqual([]);
    expect(kinds(item({ orderStatus: 'withdrawn' }))).toEqual([]);
  });

  it('pauses the jobs of a challenged order unless it is immediately enforceable', () => {
    expect(kinds(item({ orderStatus: 'challenged' }))).toEqual([]);
    expect(kinds(item({ orderStatus: 'challenged', immediatelyEnforceable: true }))).toHaveLength(
      4,
    );
  });

  it('ends an hour period at its instant, with no "Frist heute" after it', () => {
    const dueAt = new Date('2026-12-08T11:00:00Z');
    expect(kinds(item({ dueAt })).at(-1)).toBe('passed@2026-12-08T11:00:00.000Z');
    const early = new Date('2026-12-08T05:00:00Z');
    expect(kinds(item({ dueAt: early }))).toEqual([
      'remind-7@2026-12-01T06:00:00.000Z',
      'remind-1@2026-12-07T06:00:00.000Z',
      'passed@2026-12-08T05:00:00.000Z',
    ]);
  });

  it('reminds on the working day before a weekend or holiday, never on it', () => {
    // Due Monday 2026-12-28: the day before is Sunday the 27th, before that Saturday the 26th
    // (also 2nd Christmas Day) and Friday the 25th (Christmas Day): Thursday the 24th it is.
    expect(kinds(item({ dueOn: '2026-12-28' })).slice(0, 2)).toEqual([
      'remind-7@2026-12-21T06:00:00.000Z',
      'remind-1@2026-12-24T06:00:00.000Z',
    ]);
  });

  it('watches no deadline of a closed case', () => {
    expect(kinds(item({ caseOpen: false }))).toEqual([]);
  });

  it('reminds of a sent hearing’s reply date', () => {
    const hearing: DeadlineSource & { type: 'hearing' } = {
      type: 'hearing',
      id: '00000000-0000-4000-8000-000000000002',
      caseId: '00000000-0000-4000-8000-0000000000c1',
      caseOpen: true,
      status: 'sent',
      replyDueOn: '2026-12-08',
    };
    expect(kinds(hearing)).toHaveLength(4);
    expect(kinds({ ...hearing, status: 'closed' })).toEqual([]);
  });

  it('makes an order final after its challenge period, unless a suit was filed in time', () => {
    const order: DeadlineSource & { type: 'order' } = {
      type: 'order',
      id: '00000000-0000-4000-8000-000000000003',
      caseId: '00000000-0000-4000-8000-0000000000c1',
      caseOpen: true,
      status: 'served',
      challengeEndsOn: '2026-02-02',
      suitFiledOn: null,
      suitLate: false,
    };
    expect(kinds(order)).toEqual(['final@2026-02-02T23:00:00.000Z']);
    expect(kinds({ ...order, suitFiledOn: '2026-01-20' })).toEqual([]);
    expect(kinds({ ...order, suitFiledOn: '2026-02-10', suitLate: true })).toHaveLength(1);
    expect(kinds({ ...order, status: 'withdrawn' })).toEqual([]);
  });
});

describe('deadlineJobChanges', () => {
  const stored = (job: Partial<StoredDeadlineJob>): StoredDeadlineJob => ({
    id: 'row',
    sourceId: '00000000-0000-4000-8000-000000000001',
    kind: 'remind-1',
    dueOn: '2026-12-08',
    status: 'pending',
    fireAt: new Date('2026-12-07T06:00:00Z'),
    ...job,
  });
  const planned = plannedDeadlineJobs(item(), schedule);

  it('creates what is missing, but no reminder whose time has already passed', () => {
    const changes = deadlineJobChanges(planned, [], new Date('2026-12-03T00:00:00Z'));
    expect(changes.insert.map((job) => job.kind)).toEqual(['remind-1', 'remind-0', 'passed']);
  });

  it('creates a "passed" job even when late, and leaves a stored missed reminder pending', () => {
    const changes = deadlineJobChanges(
      planned,
      [stored({ kind: 'remind-1' })],
      new Date('2026-12-10T00:00:00Z'),
    );
    expect(changes.insert.map((job) => job.kind)).toEqual(['passed']);
    expect(changes.cancel).toEqual([]);
  });

  it('cancels the jobs of a moved deadline and reactivates them when it moves back', () => {
    const moved = plannedDeadlineJobs(item({ dueOn: '2026-12-15' }), schedule);
    const now = new Date('2026-12-02T00:00:00Z');
    const changes = deadlineJobChanges(moved, [stored({ id: 'old' })], now);
    expect(changes.cancel).toEqual(['old']);
    expect(changes.insert.map((job) => job.dueOn)).toEqual([
      '2026-12-15',
      '2026-12-15',
      '2026-12-15',
      '2026-12-15',
    ]);
    const back = deadlineJobChanges(planned, [stored({ id: 'old', status: 'cancelled' })], now);
    expect(back.reactivate).toEqual([{ id: 'old', fireAt: new Date('2026-12-07T06:00:00Z') }]);
  });

  it('retimes a pending job when the reminder time changes, and leaves done ones alone', () => {
    const now = new Date('2026-11-30T00:00:00Z');
    const changes = deadlineJobChanges(
      planned,
      [
        stored({ id: 'a', fireAt: new Date('2026-12-07T07:00:00Z') }),
        stored({ id: 'b', kind: 'remind-0', status: 'done', fireAt: new Date(0) }),
      ],
      now,
    );
    expect(changes.retime).toEqual([{ id: 'a', fireAt: new Date('2026-12-07T06:00:00Z') }]);
    expect(changes.insert.map((job) => job.kind)).toEqual(['remind-7', 'passed']);
  });

  it('names jobs without a colon', () => {
    expect(deadlineJobId(planned[0])).toBe(
      'deadline-00000000-0000-4000-8000-000000000001-remind-7-2026-12-08',
    );
  });
});
