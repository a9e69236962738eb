import {
  DuplicateCandidate,
  duplicateWindowStart,
  findPossibleDuplicate,
} from './complaint-duplicates';

const DAY = 24 * 60 * 60 * 1000;
const received = new Date('2026-11-20T10:00:00Z');
const daysBefore = (days: number) => new Date(received.getTime() - days * DAY);

const subject = { propertyId: 'p1', legalGround: 's5_5', receivedAt: received };

const earlier = (id: string, overrides: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id,
  propertyId: 'p1',
  legalGround: 's5_5',
  receivedAt: daysBefore(10),
  createdAt: daysBefore(10),
  ...overrides,
});

describe('a possible duplicate: same property, same category, within 90 days before', () => {
  it('flags the earlier complaint about damp in the same building', () => {
    expect(findPossibleDuplicate(subject, [earlier('a')])).toBe('a');
  });

  it('counts a complaint exactly 90 days before, not one a moment older', () => {
    expect(findPossibleDuplicate(subject, [earlier('a', { receivedAt: daysBefore(90) })])).toBe(
      'a',
    );
    const older = new Date(daysBefore(90).getTime() - 1);
    expect(findPossibleDuplicate(subject, [earlier('a', { receivedAt: older })])).toBeNull();
    expect(duplicateWindowStart(received)).toEqual(daysBefore(90));
  });

  it('ignores another category, another property, and the complaint itself', () => {
    const candidates = [
      earlier('heating', { legalGround: 's5_2' }),
      earlier('next-door', { propertyId: 'p2' }),
      earlier('self'),
    ];
    expect(findPossibleDuplicate({ ...subject, id: 'self' }, candidates)).toBeNull();
  });

  it('ignores a complaint received later (it is the later one that repeats)', () => {
    const later = earlier('later', { receivedAt: new Date(received.getTime() + 60_000) });
    expect(findPossibleDuplicate(subject, [later])).toBeNull();
  });

  it('points at the most recent of several earlier complaints', () => {
    const candidates = [
      earlier('oldest', { receivedAt: daysBefore(80) }),
      earlier('recent', { receivedAt: daysBefore(2) }),
      earlier('middle', { receivedAt: daysBefore(30) }),
    ];
    expect(findPossibleDuplicate(subject, candidates)).toBe('recent');
  });

  it('at the same moment, one recorded before counts and one recorded after does not', () => {
    const stored = { ...subject, id: 'mine', createdAt: daysBefore(0) };
    const before = earlier('before', { receivedAt: received, createdAt: daysBefore(1) });
    const after = earlier('after', {
      receivedAt: received,
      createdAt: new Date(received.getTime() + DAY),
    });
    expect(findPossibleDuplicate(stored, [after, before])).toBe('before');
    // A complaint being recorded comes after every stored one.
    expect(findPossibleDuplicate(subject, [after])).toBe('after');
  });
});
