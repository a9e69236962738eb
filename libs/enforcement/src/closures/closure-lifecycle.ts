/**
 * The closure state machine (DOMAIN.md, Lifecycles: "Closure (from a § 9 declaration):
 * declared → vacated → sealed → released"), as data. Pure: the service asks `closureTransition`
 * and maps a refusal to 409; nothing else decides a status. Each step is one command, and each
 * leaves a date on the closure (`vacated_on`, `sealed_on`, `released_on`).
 */

export const CLOSURE_STATUSES = ['declared', 'vacated', 'sealed', 'released'] as const;
export type ClosureStatus = (typeof CLOSURE_STATUSES)[number];

/** The commands are named after the state they lead to. */
export const CLOSURE_COMMANDS = ['vacated', 'sealed', 'released'] as const;
export type ClosureCommand = (typeof CLOSURE_COMMANDS)[number];

const CLOSURE_TRANSITIONS: Readonly<
  Record<ClosureStatus, Readonly<Partial<Record<ClosureCommand, ClosureStatus>>>>
> = {
  declared: { vacated: 'vacated' },
  vacated: { sealed: 'sealed' },
  sealed: { released: 'released' },
  released: {},
};

export type ClosureTransition = { ok: true; to: ClosureStatus } | { ok: false; reason: string };

export function closureTransition(from: ClosureStatus, command: ClosureCommand): ClosureTransition {
  const to = CLOSURE_TRANSITIONS[from][command];
  if (to !== undefined) return { ok: true, to };
  const allowedFrom = CLOSURE_STATUSES.filter((status) => CLOSURE_TRANSITIONS[status][command]);
  return {
    ok: false,
    reason:
      `A closure that is ${from} cannot become ${command}` +
      (allowedFrom.length > 0 ? ` (only a closure that is ${allowedFrom.join(' or ')}).` : '.'),
  };
}

/** Not released: the building stays closed, counts for the map's risk and is watched. */
export function isActiveClosure(status: ClosureStatus): boolean {
  return status !== 'released';
}

/** Emptied and not released: re-letting is banned and checked by periodic re-inspections. */
export function isWatchedClosure(status: ClosureStatus): boolean {
  return status === 'vacated' || status === 'sealed';
}
