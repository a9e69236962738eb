import { PERMISSIONS, roleHas } from './roles';

describe('the role matrix (DOMAIN.md)', () => {
  it.each([
    ['inspector', 'readRegister', true],
    ['manager', 'readRegister', true],
    ['admin', 'readRegister', false],
    ['manager', 'editProperties', false],
    ['inspector', 'editLandlords', false],
    ['officer', 'manageCases', true],
    ['inspector', 'manageCases', false],
    ['manager', 'seeOriginalPhotos', false],
    ['inspector', 'exportPersonalData', false],
    ['manager', 'exportPersonalData', true],
    ['admin', 'viewMap', true],
    ['officer', 'readAudit', false],
    ['admin', 'readAudit', true],
    ['admin', 'administer', true],
    ['officer', 'administer', false],
  ] as const)('%s may %s: %s', (role, permission, allowed) => {
    expect(roleHas(role, permission)).toBe(allowed);
  });

  it('gives admins no access to case work or personal data', () => {
    const adminRows = Object.entries(PERMISSIONS)
      .filter(([, roles]) => (roles as readonly string[]).includes('admin'))
      .map(([name]) => name);
    expect(adminRows.sort()).toEqual([
      'administer',
      'own',
      'readAudit',
      'readCatalogue',
      'viewMap',
    ]);
  });
});
