import { caseStage } from './case-stage';

describe('the stage of a case', () => {
  const open = { caseStatus: 'open' as const, hearingStatuses: [], orders: [] };

  it('is investigation with nothing sent yet, hearing while a hearing runs', () => {
    expect(caseStage(open)).toBe('investigation');
    expect(caseStage({ ...open, hearingStatuses: ['sent'] })).toBe('hearing');
    expect(caseStage({ ...open, hearingStatuses: ['closed'] })).toBe('investigation');
  });

  it('is ordered before service, monitoring after, enforcing once an item is not complied', () => {
    const order = (status: 'issued' | 'served', itemStatuses: Array<'open' | 'not_complied'>) => ({
      ...open,
      hearingStatuses: ['closed'],
      orders: [{ status, itemStatuses }],
    });
    expect(caseStage(order('issued', ['open']))).toBe('ordered');
    expect(caseStage(order('served', ['open']))).toBe('monitoring');
    expect(caseStage(order('served', ['open', 'not_complied']))).toBe('enforcing');
  });

  it('lets the most advanced order win, and a closed case be closed', () => {
    expect(
      caseStage({
        ...open,
        orders: [
          { status: 'draft', itemStatuses: ['open'] },
          { status: 'challenged', itemStatuses: ['open'] },
        ],
      }),
    ).toBe('monitoring');
    expect(caseStage({ ...open, caseStatus: 'closed' })).toBe('closed');
  });
});
