import {
  CLOSURE_COMMANDS,
  CLOSURE_STATUSES,
  closureTransition,
  isActiveClosure,
  isWatchedClosure,
} from './closure-lifecycle';

// Written out from DOMAIN.md (Lifecycles), not read from the module, so a wrong entry there fails.
const LEGAL: Record<string, string> = {
  'declared vacated': 'vacated',
  'vacated sealed': 'sealed',
  'sealed released': 'released',
};

const pairs = CLOSURE_STATUSES.flatMap((status) =>
  CLOSURE_COMMANDS.map((command) => [status, command] as const),
);

describe('the closure state machine, every (state, command) pair', () => {
  it('covers 4 states × 3 commands', () => {
    expect(pairs).toHaveLength(12);
  });

  it.each(pairs)('%s + %s', (status, command) => {
    const legal = LEGAL[`${status} ${command}`];
    const result = closureTransition(status, command);
    if (legal) {
      expect(result).toEqual({ ok: true, to: legal });
    } else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toContain(`is ${status}`);
    }
  });

  it('ends in released: no command leaves it', () => {
    expect(CLOSURE_COMMANDS.filter((command) => closureTransition('released', command).ok)).toEqual(
      [],
    );
  });

  it('counts every state but released as active, and watches vacated and sealed ones', () => {
    expect(CLOSURE_STATUSES.filter(isActiveClosure)).toEqual(['declared', 'vacated', 'sealed']);
    expect(CLOSURE_STATUSES.filter(isWatchedClosure)).toEqual(['vacated', 'sealed']);
  });
});
