import { describeNextStep, nextLegalStep, type NextStepInput } from './next-legal-step';

const NOW = new Date('2026-03-10T10:00:00Z');
const TODAY = '2026-03-10';

const input = (overrides: Partial<NextStepInput> = {}): NextStepInput => ({
  orderStatus: 'served',
  immediatelyEnforceable: false,
  challengeEndsOn: '2026-02-02',
  suitFiledOn: null,
  suitLate: false,
  suitOutcome: null,
  itemStatus: 'open',
  dueOn: '2026-03-01',
  dueAt: null,
  openThreats: [],
  ...overrides,
});

const step = (overrides: Partial<NextStepInput> = {}) =>
  nextLegalStep(input(overrides), NOW, TODAY);

describe('nextLegalStep', () => {
  it('waits for the court while a suit suspends the order', () => {
    expect(step({ orderStatus: 'challenged', suitFiledOn: '2026-01-20' })).toEqual({
      step: 'wait_for_court',
    });
  });

  it('says the period still runs when it has not passed', () => {
    expect(step({ dueOn: '2026-03-20' })).toEqual({ step: 'period_running', until: '2026-03-20' });
  });

  it('waits for finality when the order is neither final nor immediately enforceable', () => {
    expect(step({ challengeEndsOn: '2026-03-15' })).toEqual({
      step: 'wait_until_final',
      finalFrom: '2026-03-16',
    });
  });

  it('fixes the order’s own served threat, after recording the item not complied', () => {
    const threats = [{ measure: 'coercive_fine' as const, dueOn: null }];
    expect(step({ openThreats: threats })).toEqual({
      step: 'record_not_complied_then_fix',
      measure: 'coercive_fine',
    });
    expect(step({ openThreats: threats, itemStatus: 'not_complied' })).toEqual({
      step: 'fix',
      measure: 'coercive_fine',
    });
  });

  it('does not fix a separate threat whose own period still runs, and threatens again without one', () => {
    expect(
      step({
        itemStatus: 'escalated',
        openThreats: [{ measure: 'substitute_performance', dueOn: '2026-03-12' }],
      }),
    ).toEqual({ step: 'threaten_again' });
    expect(step({ itemStatus: 'escalated' })).toEqual({ step: 'threaten_again' });
  });

  it('enforces an immediately enforceable order before it is final', () => {
    expect(
      step({
        immediatelyEnforceable: true,
        challengeEndsOn: '2026-03-15',
        openThreats: [{ measure: 'coercive_fine', dueOn: null }],
        itemStatus: 'not_complied',
      }),
    ).toEqual({ step: 'fix', measure: 'coercive_fine' });
  });

  it('words every step in German with its legal basis', () => {
    expect(describeNextStep({ step: 'fix', measure: 'coercive_fine' })).toContain('§ 64 VwVG NRW');
    expect(describeNextStep({ step: 'threaten_again' })).toContain('§ 63 VwVG NRW');
    expect(describeNextStep({ step: 'wait_for_court' })).toContain('§ 80 Abs. 1 VwGO');
  });
});
