/** An earlier complaint within this many days (of 24 hours) may report the same problem. */
export const DUPLICATE_WINDOW_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DuplicateSubject {
  /** Absent for a complaint being recorded. */
  id?: string;
  propertyId: string;
  legalGround: string;
  receivedAt: Date;
  /** Absent for a complaint being recorded: it comes after every stored one. */
  createdAt?: Date;
}

export interface DuplicateCandidate {
  id: string;
  propertyId: string;
  legalGround: string;
  receivedAt: Date;
  createdAt: Date;
}

/** The earliest `receivedAt` an earlier complaint may have to count as a possible duplicate. */
export function duplicateWindowStart(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() - DUPLICATE_WINDOW_DAYS * DAY_MS);
}

/** Received before the subject; at the same moment, recorded before it. */
function isEarlier(candidate: DuplicateCandidate, subject: DuplicateSubject): boolean {
  const received = candidate.receivedAt.getTime() - subject.receivedAt.getTime();
  if (received !== 0) return received < 0;
  return subject.createdAt === undefined || candidate.createdAt < subject.createdAt;
}

/** Most recent first: received later, then recorded later, then by id for a stable answer. */
function moreRecent(a: DuplicateCandidate, b: DuplicateCandidate): number {
  return (
    b.receivedAt.getTime() - a.receivedAt.getTime() ||
    b.createdAt.getTime() - a.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The complaint this one may repeat: the most recent earlier complaint about the same property
 * in the same defect category, received at most 90 days before. Only a flag for a person to
 * decide; nothing is merged. Null when there is none.
 */
export function findPossibleDuplicate(
  subject: DuplicateSubject,
  candidates: readonly DuplicateCandidate[],
): string | null {
  const windowStart = duplicateWindowStart(subject.receivedAt).getTime();
  const earlier = candidates
    .filter(
      (candidate) =>
        candidate.id !== subject.id &&
        candidate.propertyId === subject.propertyId &&
        candidate.legalGround === subject.legalGround &&
        candidate.receivedAt.getTime() >= windowStart &&
        isEarlier(candidate, subject),
    )
    .sort(moreRecent);
  return earlier[0]?.id ?? null;
}
