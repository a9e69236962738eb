/**
 * An inspector's day as a route: from the start, always to the nearest visit not yet made
 * (straight-line distance). Greedy nearest neighbour is not the shortest tour, but a day has a
 * handful of visits and an inspector reorders by hand where appointments fix the time.
 * Pure: the distances come in as a matrix (PostGIS computes them).
 */
export interface RouteLeg {
  /** Index of the stop in the input. */
  stop: number;
  /** Metres from the previous stop, or from the start. */
  distanceM: number;
}

/**
 * `distances[i][j]` are metres between points, where index 0 is the start and 1…n the stops.
 * Ties go to the stop listed first (the earlier appointment).
 */
export function nearestNeighbourRoute(distances: number[][]): RouteLeg[] {
  const stops = distances.length - 1;
  const visited = new Set<number>();
  const route: RouteLeg[] = [];
  let at = 0;
  while (route.length < stops) {
    let next = -1;
    for (let candidate = 1; candidate <= stops; candidate++) {
      if (visited.has(candidate)) continue;
      if (next === -1 || distances[at][candidate] < distances[at][next]) next = candidate;
    }
    visited.add(next);
    route.push({ stop: next - 1, distanceM: distances[at][next] });
    at = next;
  }
  return route;
}
