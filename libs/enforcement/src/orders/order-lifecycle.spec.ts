import {
  enforcementRefusal,
  itemTransition,
  ORDER_COMMANDS,
  ORDER_ITEM_COMMANDS,
  ORDER_ITEM_STATUSES,
  ORDER_STATUSES,
  orderTransition,
  runsDeadlines,
} from './order-lifecycle';

// Written out from DOMAIN.md (Lifecycles), not read from the module, so a wrong entry there fails.
const LEGAL_ORDER: Record<string, string> = {
  'draft issue': 'issued',
  'issued record_service': 'served',
  'issued withdraw': 'withdrawn',
  'served withdraw': 'withdrawn',
  'served record_suit': 'challenged',
  'served close': 'closed',
  'challenged dismiss_suit': 'served',
  'challenged set_aside': 'annulled',
};

const LEGAL_ITEM: Record<string, string> = {
  'open comply': 'complied',
  'open mark_not_complied': 'not_complied',
  'open withdraw': 'withdrawn',
  'complied close': 'closed',
  'not_complied escalate': 'escalated',
  'not_complied withdraw': 'withdrawn',
  'escalated escalate': 'escalated',
  'escalated comply': 'complied',
  'escalated withdraw': 'withdrawn',
};

const orderPairs = ORDER_STATUSES.flatMap((status) =>
  ORDER_COMMANDS.map((command) => [status, command] as const),
);
const itemPairs = ORDER_ITEM_STATUSES.flatMap((status) =>
  ORDER_ITEM_COMMANDS.map((command) => [status, command] as const),
);

describe('the order state machine, every (state, command) pair', () => {
  it('covers 7 states × 7 commands', () => {
    expect(orderPairs).toHaveLength(49);
  });

  it.each(orderPairs)('%s + %s', (status, command) => {
    const legal = LEGAL_ORDER[`${status} ${command}`];
    const result = orderTransition(status, command);
    if (legal) {
      expect(result).toEqual({ ok: true, to: legal });
    } else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toContain(`is ${status}`);
    }
  });

  it('ends in closed, withdrawn and annulled: no command leaves them', () => {
    for (const status of ['closed', 'withdrawn', 'annulled'] as const) {
      expect(ORDER_COMMANDS.filter((command) => orderTransition(status, command).ok)).toEqual([]);
    }
  });
});

describe('the order item state machine, every (state, command) pair', () => {
  it.each(itemPairs)('%s + %s', (status, command) => {
    const legal = LEGAL_ITEM[`${status} ${command}`];
    const result = itemTransition(status, command);
    if (legal) expect(result).toEqual({ ok: true, to: legal });
    else expect(result.ok).toBe(false);
  });

  it('reaches closed only through complied', () => {
    const intoClosed = itemPairs.filter(
      ([status, command]) => itemTransition(status, command).ok && command === 'close',
    );
    expect(intoClosed.map(([status]) => status)).toEqual(['complied']);
  });
});

describe('when the city may enforce (§ 55 Abs. 1 VwVG NRW)', () => {
  it.each([
    ['served', false, false, false],
    ['served', true, false, true],
    ['served', false, true, true],
    ['challenged', false, false, false],
    ['challenged', false, true, true],
    ['issued', true, true, false],
    ['draft', false, true, false],
    ['closed', true, false, false],
    ['withdrawn', true, true, false],
    ['annulled', true, true, false],
  ] as const)('%s, final %s, immediately enforceable %s: %s', (status, final, enforceable, ok) => {
    const refusal = enforcementRefusal({ status, final, immediatelyEnforceable: enforceable });
    expect(refusal === null).toBe(ok);
  });
});

describe('whose deadlines run (a suit suspends, § 80 Abs. 1 VwGO)', () => {
  it.each([
    ['served', false, true],
    ['served', true, true],
    ['challenged', false, false],
    ['challenged', true, true],
    ['issued', true, false],
    ['draft', true, false],
    ['closed', true, false],
    ['withdrawn', true, false],
    ['annulled', true, false],
  ] as const)('%s, immediately enforceable %s: %s', (status, enforceable, runs) => {
    expect(runsDeadlines({ status, immediatelyEnforceable: enforceable })).toBe(runs);
  });
});
