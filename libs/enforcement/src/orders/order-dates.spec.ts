import { berlinNoon, isFinalOrder, isLateSuit, isOverdueItem, orderDates } from './order-dates';

const items = [
  { id: 'b', period: { unit: 'days', amount: 30 } as const },
  { id: 'c', period: { unit: 'hours', amount: 24 } as const },
];

describe('the dates a recorded service gives an order', () => {
  it('posted on 2025-01-02 (4th day): notified 2025-01-06, B due 2025-02-05, C the next noon', () => {
    const result = orderDates({
      delivery: { method: 'ordinary_post', postedOn: '2025-01-02' },
      items,
      legalRemedyInstructions: 'correct',
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.notification.notifiedOn).toBe('2025-01-06');
    expect(result.value.items[0]).toMatchObject({ dueOn: '2025-02-05', dueAt: null });
    expect(result.value.items[1].dueOn).toBe('2025-01-07');
    expect(result.value.items[1].dueAt?.toISOString()).toBe('2025-01-07T11:00:00.000Z');
    expect(result.value.challengeEndsOn).toBe('2025-02-06');
  });

  it('posted on 2024-12-27 (3rd day): notified Monday 2024-12-30', () => {
    const result = orderDates({
      delivery: { method: 'ordinary_post', postedOn: '2024-12-27' },
      items,
      legalRemedyInstructions: 'correct',
    });
    expect(result.ok && result.value.notification.notifiedOn).toBe('2024-12-30');
    // 30 days end Wednesday 2025-01-29.
    expect(result.ok && result.value.items[0].dueOn).toBe('2025-01-29');
  });

  it('takes the recorded time of hand-over for hours, if it is on the day', () => {
    const delivery = { method: 'personal_delivery', handedOverOn: '2025-07-01' } as const;
    const ok = orderDates({
      delivery,
      notifiedAt: new Date('2025-07-01T07:30:00Z'),
      items,
      legalRemedyInstructions: 'correct',
    });
    expect(ok.ok && ok.value.items[1].dueAt?.toISOString()).toBe('2025-07-02T07:30:00.000Z');
    const wrongDay = orderDates({
      delivery,
      notifiedAt: new Date('2025-07-02T07:30:00Z'),
      items,
      legalRemedyInstructions: 'correct',
    });
    expect(!wrongDay.ok && wrongDay.error.field).toBe('notifiedAt');
  });

  it('names the delivery field of a receipt before posting', () => {
    const result = orderDates({
      delivery: { method: 'ordinary_post', postedOn: '2025-03-05', provenReceiptOn: '2025-03-01' },
      items,
      legalRemedyInstructions: 'correct',
    });
    expect(!result.ok && result.error.field).toBe('delivery.provenReceiptOn');
  });

  it('knows noon in Berlin in winter and summer', () => {
    expect(berlinNoon('2025-01-15').toISOString()).toBe('2025-01-15T11:00:00.000Z');
    expect(berlinNoon('2025-07-15').toISOString()).toBe('2025-07-15T10:00:00.000Z');
  });
});

describe('final and overdue', () => {
  const served = {
    status: 'served' as const,
    challengeEndsOn: '2025-02-06',
    suitFiledOn: null,
    suitOutcome: null,
  };

  it('is final from the day after the last day to sue, not on it', () => {
    expect(isFinalOrder(served, '2025-02-06')).toBe(false);
    expect(isFinalOrder(served, '2025-02-07')).toBe(true);
  });

  it('stays final when a suit comes after the challenge period ended', () => {
    expect(isLateSuit('2025-02-07', '2025-02-06')).toBe(true);
    expect(isLateSuit('2025-02-06', '2025-02-06')).toBe(false);
    expect(
      isFinalOrder({ ...served, suitFiledOn: '2025-02-10', suitLate: true }, '2025-02-11'),
    ).toBe(true);
  });

  it('is not final while a suit runs, and final once it is dismissed', () => {
    expect(
      isFinalOrder({ ...served, status: 'challenged', suitFiledOn: '2025-01-20' }, '2026-01-01'),
    ).toBe(false);
    expect(
      isFinalOrder(
        { ...served, suitFiledOn: '2025-01-20', suitOutcome: 'dismissed' },
        '2025-01-21',
      ),
    ).toBe(true);
  });

  it('counts an item overdue after its day, or after its instant for hours', () => {
    const now = new Date('2025-02-06T12:00:00Z');
    expect(
      isOverdueItem({ status: 'open', dueOn: '2025-02-05', dueAt: null }, now, '2025-02-06'),
    ).toBe(true);
    expect(
      isOverdueItem({ status: 'open', dueOn: '2025-02-06', dueAt: null }, now, '2025-02-06'),
    ).toBe(false);
    expect(
      isOverdueItem({ status: 'complied', dueOn: '2025-02-05', dueAt: null }, now, '2025-02-06'),
    ).toBe(false);
    expect(
      isOverdueItem(
        { status: 'not_complied', dueOn: '2025-02-06', dueAt: new Date('2025-02-06T11:00:00Z') },
        now,
        '2025-02-06',
      ),
    ).toBe(true);
  });
});
