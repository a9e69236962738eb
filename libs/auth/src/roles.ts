export const ROLES = ['inspector', 'officer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;

/**
 * The role matrix of DOMAIN.md, one entry per row. Every route names exactly one of these
 * (or is public by design); the role-matrix e2e test holds the routes to it.
 */
export const PERMISSIONS = {
  /** read properties, units, landlords (contact data included) */
  readRegister: ['inspector', 'officer', 'manager'],
  /** edit properties, buildings, units */
  editProperties: ['inspector', 'officer'],
  /** edit landlords and ownerships */
  editLandlords: ['officer'],
  /** record complaints */
  recordComplaints: ['inspector', 'officer'],
  /** plan inspections (inspectors: their own) */
  planInspections: ['inspector', 'officer'],
  /** log inspections, defects, photos */
  logInspections: ['inspector', 'officer'],
  /** see original photos (with EXIF) */
  seeOriginalPhotos: ['inspector', 'officer'],
  /** manage cases, hearings, orders, letters */
  manageCases: ['officer'],
  /** view map and dashboard */
  viewMap: ALL,
  /** exports of personal data */
  exportPersonalData: ['officer', 'manager'],
  /** own inbox, own session and profile */
  own: ALL,
  /** read the audit trail */
  readAudit: ['admin'],
  /**
   * reference data (the defect catalogue): not a row of its own in DOMAIN.md; every role needs
   * it to read findings, admins to edit it ("users, catalogue, …" row)
   */
  readCatalogue: ALL,
  /** users, catalogue, rule sets, letter templates, risk weights */
  administer: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
