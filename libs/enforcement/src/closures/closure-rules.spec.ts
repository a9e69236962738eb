import { ClosureDetails, closureDetailErrors } from './closure-rules';

const TODAY = '2026-03-10';
const none: ClosureDetails = {
  immediateDanger: false,
  moveOutBy: null,
  replacementHousingOfferedOn: null,
  replacementHousingBy: null,
  occupantsNotifiedOn: null,
  householdsNotified: null,
};
const fields = (details: Partial<ClosureDetails>) =>
  closureDetailErrors({ ...none, ...details }, TODAY).map((error) => error.field);

describe('a closure’s details (§ 9 Abs. 4 and 5 WohnStG)', () => {
  it('accepts a closure with nothing recorded yet', () => {
    expect(fields({})).toEqual([]);
  });

  it('refuses a move-out date without immediate danger and without replacement housing', () => {
    expect(fields({ moveOutBy: '2026-04-01' })).toEqual(['moveOutBy']);
  });

  it('accepts it with immediate danger', () => {
    expect(fields({ moveOutBy: '2026-03-11', immediateDanger: true })).toEqual([]);
  });

  it('accepts it once replacement housing was offered', () => {
    expect(
      fields({
        moveOutBy: '2026-04-01',
        replacementHousingOfferedOn: '2026-03-01',
        replacementHousingBy: 'landlord',
      }),
    ).toEqual([]);
  });

  it('wants the offer’s day and who offered it together', () => {
    expect(fields({ replacementHousingOfferedOn: '2026-03-01' })).toEqual(['replacementHousingBy']);
    expect(fields({ replacementHousingBy: 'city' })).toEqual(['replacementHousingOfferedOn']);
  });

  it('wants the notice day and the households counted together, not in the future', () => {
    expect(fields({ occupantsNotifiedOn: '2026-03-01' })).toEqual(['householdsNotified']);
    expect(fields({ householdsNotified: 3 })).toEqual(['occupantsNotifiedOn']);
    expect(fields({ occupantsNotifiedOn: '2026-03-11', householdsNotified: 3 })).toEqual([
      'occupantsNotifiedOn',
    ]);
  });
});
