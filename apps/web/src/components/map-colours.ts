// Colours of the risk map, shared by the canvas layer (lazily loaded) and the legend (eager).
// Each fill is outlined in dark ink on the map, so the lighter ones keep a 3:1 edge.

/** Fill colours of risk classes 0–3 (low, medium, high, critical). */
export const riskColours = ['#4d9de0', '#f2c14e', '#e8702a', '#9b1d20'] as const;
/** The density view's ramp, light to dark: each step stands for more properties in a cell. */
export const densityColours = ['#fde0c5', '#facba6', '#f59e72', '#e5593a', '#b0203a'] as const;
/** Upper bounds (inclusive) of the density steps: 1, 2–5, 6–20, 21–100, more. */
export const densitySteps = [1, 5, 20, 100] as const;
