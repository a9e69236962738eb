import {
  getLegalGround,
  isLegalGroundId,
  LEGAL_GROUND_IDS,
  LEGAL_GROUNDS,
  type LegalGroundId,
} from './legal-grounds';

describe('legal grounds of the defect catalogue', () => {
  it('lists § 5 Nr. 1–7, § 5 other, § 6, § 9 and § 10 in that order', () => {
    expect(LEGAL_GROUNDS.map((ground) => ground.id)).toEqual([
      's5_1',
      's5_2',
      's5_3',
      's5_4',
      's5_5',
      's5_6',
      's5_7',
      's5_other',
      's6',
      's9',
      's10',
    ]);
    expect(LEGAL_GROUNDS.map((ground) => ground.id)).toEqual([...LEGAL_GROUND_IDS]);
  });

  it.each([
    ['s5_1', '§ 5 Abs. 1 Nr. 1 WohnStG'],
    ['s5_3', '§ 5 Abs. 1 Nr. 3 WohnStG'],
    ['s5_7', '§ 5 Abs. 1 Nr. 7 WohnStG'],
    ['s5_other', '§ 5 WohnStG'],
    ['s6', '§ 6 WohnStG'],
    ['s9', '§ 9 WohnStG'],
    ['s10', '§ 10 WohnStG'],
  ] as const)('cites %s as %s in German', (id, basis) => {
    expect(getLegalGround(id).legalBasis.de).toBe(basis);
  });

  it('names the numbered § 5 grounds by their number in both languages', () => {
    for (let n = 1; n <= 7; n += 1) {
      const ground = getLegalGround(`s5_${n}` as LegalGroundId);
      expect(ground.legalBasis.de).toBe(`§ 5 Abs. 1 Nr. ${n} WohnStG`);
      expect(ground.legalBasis.en).toBe(`§ 5(1) no. ${n} WohnStG`);
    }
  });

  it('has a German and an English label for every ground, each distinct', () => {
    for (const ground of LEGAL_GROUNDS) {
      expect(ground.label.de.trim()).not.toBe('');
      expect(ground.label.en.trim()).not.toBe('');
    }
    expect(new Set(LEGAL_GROUNDS.map((ground) => ground.label.de)).size).toBe(LEGAL_GROUNDS.length);
  });

  it('recognises its ids and nothing else', () => {
    expect(LEGAL_GROUND_IDS.every((id) => isLegalGroundId(id))).toBe(true);
    for (const other of ['s5', 's5_8', 'S5_1', 's7', '', ' s6', null, undefined, 6, {}]) {
      expect(isLegalGroundId(other)).toBe(false);
    }
  });
});
