import {
  easterSunday,
  isWorkingDay,
  nextWorkingDayFrom,
  nonWorkingReason,
  nrwHolidays,
} from './nrw-holidays';

const table = (year: number) => nrwHolidays(year).map(({ date, name }) => [date, name]);

describe('Easter Sunday by the anonymous Gregorian algorithm', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    // The latest and earliest possible Easter dates.
    [1943, '1943-04-25'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('the 11 NRW public holidays', () => {
  it('2024', () => {
    expect(table(2024)).toEqual([
      ['2024-01-01', 'Neujahr'],
      ['2024-03-29', 'Karfreitag'],
      ['2024-04-01', 'Ostermontag'],
      ['2024-05-01', 'Tag der Arbeit'],
      ['2024-05-09', 'Christi Himmelfahrt'],
      ['2024-05-20', 'Pfingstmontag'],
      ['2024-05-30', 'Fronleichnam'],
      ['2024-10-03', 'Tag der Deutschen Einheit'],
      ['2024-11-01', 'Allerheiligen'],
      ['2024-12-25', '1. Weihnachtstag'],
      ['2024-12-26', '2. Weihnachtstag'],
    ]);
  });

  it('2025 (Easter Sunday 2025-04-20)', () => {
    expect(table(2025)).toEqual([
      ['2025-01-01', 'Neujahr'],
      ['2025-04-18', 'Karfreitag'],
      ['2025-04-21', 'Ostermontag'],
      ['2025-05-01', 'Tag der Arbeit'],
      ['2025-05-29', 'Christi Himmelfahrt'],
      ['2025-06-09', 'Pfingstmontag'],
      ['2025-06-19', 'Fronleichnam'],
      ['2025-10-03', 'Tag der Deutschen Einheit'],
      ['2025-11-01', 'Allerheiligen'],
      ['2025-12-25', '1. Weihnachtstag'],
      ['2025-12-26', '2. Weihnachtstag'],
    ]);
  });

  it('2026 (Easter Sunday 2026-04-05, Corpus Christi 2026-06-04)', () => {
    expect(table(2026)).toEqual([
      ['2026-01-01', 'Neujahr'],
      ['2026-04-03', 'Karfreitag'],
      ['2026-04-06', 'Ostermontag'],
      ['2026-05-01', 'Tag der Arbeit'],
      ['2026-05-14', 'Christi Himmelfahrt'],
      ['2026-05-25', 'Pfingstmontag'],
      ['2026-06-04', 'Fronleichnam'],
      ['2026-10-03', 'Tag der Deutschen Einheit'],
      ['2026-11-01', 'Allerheiligen'],
      ['2026-12-25', '1. Weihnachtstag'],
      ['2026-12-26', '2. Weihnachtstag'],
    ]);
  });

  it('carries stable ids for code and i18n', () => {
    expect(nrwHolidays(2026).map((holiday) => holiday.id)).toEqual([
      'new_year',
      'good_friday',
      'easter_monday',
      'labour_day',
      'ascension',
      'whit_monday',
      'corpus_christi',
      'german_unity',
      'all_saints',
      'christmas_day',
      'boxing_day',
    ]);
  });

  it('cannot be changed by a caller', () => {
    const holidays = nrwHolidays(2025) as unknown as { date: string }[];
    expect(() => holidays.push({ date: '2025-12-24' })).toThrow(TypeError);
    expect(nrwHolidays(2025)).toHaveLength(11);
  });
});

describe('working days in NRW', () => {
  it.each([
    ['an ordinary Tuesday', '2025-03-04'],
    ['Rosenmontag (carnival, no public holiday)', '2025-03-03'],
    ['Christmas Eve', '2025-12-24'],
    ['Reformation Day (a holiday in other states, not in NRW; Friday)', '2025-10-31'],
  ])('%s is a working day', (_, date) => {
    expect(isWorkingDay(date)).toBe(true);
    expect(nonWorkingReason(date)).toBeNull();
  });

  it.each([
    ['a Saturday', '2025-03-22', { kind: 'saturday' }],
    ['a Sunday', '2025-03-23', { kind: 'sunday' }],
    ['Easter Sunday (a Sunday, not on the list)', '2025-04-20', { kind: 'sunday' }],
  ])('%s is not', (_, date, reason) => {
    expect(isWorkingDay(date)).toBe(false);
    expect(nonWorkingReason(date)).toEqual(reason);
  });

  it('a holiday is not, whether on a weekday or a weekend', () => {
    expect(isWorkingDay('2026-06-04')).toBe(false);
    expect(nonWorkingReason('2026-06-04')).toEqual({
      kind: 'holiday',
      holiday: { date: '2026-06-04', id: 'corpus_christi', name: 'Fronleichnam' },
    });
    // All Saints 2025 is a Saturday: reported as the holiday.
    expect(nonWorkingReason('2025-11-01')).toEqual({
      kind: 'holiday',
      holiday: { date: '2025-11-01', id: 'all_saints', name: 'Allerheiligen' },
    });
  });

  it('the next working day skips the Easter weekend in one go', () => {
    expect(nextWorkingDayFrom('2025-04-18')).toBe('2025-04-22');
    expect(nextWorkingDayFrom('2025-12-25')).toBe('2025-12-29');
    expect(nextWorkingDayFrom('2025-04-22')).toBe('2025-04-22');
  });
});
