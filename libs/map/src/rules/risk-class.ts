/**
 * The risk class the map colours by (docs/api/map.md): 0 low (< 20), 1 medium (< 50), 2 high
 * (< 80), 3 critical. The database holds the same rule (`map_properties_risk_check`). Pure.
 */
export const RISK_CLASSES = [0, 1, 2, 3] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** Lower bounds of the classes 1, 2 and 3. */
export const RISK_CLASS_BOUNDS = [20, 50, 80] as const;

export function riskClassOf(score: number): RiskClass {
  if (score < RISK_CLASS_BOUNDS[0]) return 0;
  if (score < RISK_CLASS_BOUNDS[1]) return 1;
  if (score < RISK_CLASS_BOUNDS[2]) return 2;
  return 3;
}
