import type { Bounds } from '@hausakte/platform';
import { Random } from './random';

/**
 * North Rhine-Westphalia for the state-scale seed (`--profile nrw`): its bounds (what
 * `CITY_BOUNDS` must be set to for the app to accept and find these properties), its large
 * towns with approximate centres and populations, and its rural districts (Kreise) with an
 * approximate centre each. Centres are rounded to about a kilometre; populations in thousands,
 * rounded. Postcode ranges are plausible (the town's first postcode and a span), not the postal
 * map. Nothing here is real geodata beyond those rounded figures.
 */
export const NRW_BOUNDS: Bounds = { minLon: 5.86, minLat: 50.32, maxLon: 9.47, maxLat: 52.54 };

export const NRW_CITY_BOUNDS = '5.86,50.32,9.47,52.54';

export interface NrwTown {
  name: string;
  lon: number;
  lat: number;
  /** Inhabitants in thousands. */
  population: number;
  /** First postcode of the town and how many follow it. */
  postcode: number;
  postcodeSpan: number;
}

// prettier-ignore
export const NRW_TOWNS: readonly NrwTown[] = [
  { name: 'Köln', lon: 6.96, lat: 50.94, population: 1084, postcode: 50667, postcodeSpan: 480 },
  { name: 'Düsseldorf', lon: 6.78, lat: 51.23, population: 620, postcode: 40210, postcodeSpan: 420 },
  { name: 'Dortmund', lon: 7.47, lat: 51.51, population: 587, postcode: 44135, postcodeSpan: 250 },
  { name: 'Essen', lon: 7.01, lat: 51.46, population: 579, postcode: 45127, postcodeSpan: 230 },
  { name: 'Duisburg', lon: 6.76, lat: 51.43, population: 495, postcode: 47051, postcodeSpan: 250 },
  { name: 'Bochum', lon: 7.22, lat: 51.48, population: 364, postcode: 44787, postcodeSpan: 110 },
  { name: 'Wuppertal', lon: 7.15, lat: 51.26, population: 355, postcode: 42103, postcodeSpan: 300 },
  { name: 'Bielefeld', lon: 8.53, lat: 52.02, population: 334, postcode: 33602, postcodeSpan: 140 },
  { name: 'Bonn', lon: 7.1, lat: 50.73, population: 330, postcode: 53111, postcodeSpan: 120 },
  { name: 'Münster', lon: 7.63, lat: 51.96, population: 316, postcode: 48143, postcodeSpan: 130 },
  { name: 'Mönchengladbach', lon: 6.44, lat: 51.19, population: 261, postcode: 41061, postcodeSpan: 180 },
  { name: 'Gelsenkirchen', lon: 7.09, lat: 51.51, population: 260, postcode: 45879, postcodeSpan: 20 },
  { name: 'Aachen', lon: 6.08, lat: 50.78, population: 249, postcode: 52062, postcodeSpan: 18 },
  { name: 'Krefeld', lon: 6.56, lat: 51.33, population: 227, postcode: 47798, postcodeSpan: 31 },
  { name: 'Oberhausen', lon: 6.85, lat: 51.47, population: 209, postcode: 46045, postcodeSpan: 105 },
  { name: 'Hagen', lon: 7.47, lat: 51.36, population: 189, postcode: 58089, postcodeSpan: 50 },
  { name: 'Hamm', lon: 7.82, lat: 51.68, population: 179, postcode: 59063, postcodeSpan: 14 },
  { name: 'Mülheim an der Ruhr', lon: 6.88, lat: 51.43, population: 170, postcode: 45468, postcodeSpan: 13 },
  { name: 'Leverkusen', lon: 7.0, lat: 51.03, population: 163, postcode: 51371, postcodeSpan: 10 },
  { name: 'Solingen', lon: 7.08, lat: 51.17, population: 159, postcode: 42651, postcodeSpan: 49 },
  { name: 'Herne', lon: 7.22, lat: 51.54, population: 156, postcode: 44623, postcodeSpan: 31 },
  { name: 'Neuss', lon: 6.69, lat: 51.2, population: 152, postcode: 41460, postcodeSpan: 14 },
  { name: 'Paderborn', lon: 8.75, lat: 51.72, population: 151, postcode: 33098, postcodeSpan: 8 },
  { name: 'Bottrop', lon: 6.93, lat: 51.52, population: 117, postcode: 46236, postcodeSpan: 8 },
  { name: 'Recklinghausen', lon: 7.2, lat: 51.61, population: 111, postcode: 45657, postcodeSpan: 8 },
  { name: 'Bergisch Gladbach', lon: 7.13, lat: 50.99, population: 111, postcode: 51427, postcodeSpan: 40 },
  { name: 'Remscheid', lon: 7.19, lat: 51.18, population: 111, postcode: 42853, postcodeSpan: 4 },
  { name: 'Moers', lon: 6.63, lat: 51.45, population: 103, postcode: 47441, postcodeSpan: 6 },
  { name: 'Siegen', lon: 8.02, lat: 50.87, population: 101, postcode: 57072, postcodeSpan: 8 },
  { name: 'Gütersloh', lon: 8.38, lat: 51.91, population: 100, postcode: 33330, postcodeSpan: 5 },
  { name: 'Witten', lon: 7.34, lat: 51.44, population: 96, postcode: 58452, postcodeSpan: 4 },
  { name: 'Iserlohn', lon: 7.7, lat: 51.38, population: 92, postcode: 58636, postcodeSpan: 6 },
  { name: 'Düren', lon: 6.48, lat: 50.8, population: 91, postcode: 52349, postcodeSpan: 6 },
  { name: 'Ratingen', lon: 6.85, lat: 51.3, population: 87, postcode: 40878, postcodeSpan: 5 },
  { name: 'Lünen', lon: 7.53, lat: 51.62, population: 86, postcode: 44532, postcodeSpan: 5 },
  { name: 'Marl', lon: 7.09, lat: 51.66, population: 84, postcode: 45768, postcodeSpan: 4 },
  { name: 'Velbert', lon: 7.04, lat: 51.34, population: 81, postcode: 42549, postcodeSpan: 4 },
  { name: 'Minden', lon: 8.92, lat: 52.29, population: 81, postcode: 32423, postcodeSpan: 5 },
  { name: 'Lüdenscheid', lon: 7.63, lat: 51.22, population: 72, postcode: 58507, postcodeSpan: 6 },
  { name: 'Viersen', lon: 6.39, lat: 51.26, population: 77, postcode: 41747, postcodeSpan: 5 },
  { name: 'Rheine', lon: 7.44, lat: 52.28, population: 77, postcode: 48429, postcodeSpan: 3 },
  { name: 'Troisdorf', lon: 7.15, lat: 50.81, population: 75, postcode: 53840, postcodeSpan: 4 },
  { name: 'Gladbeck', lon: 6.99, lat: 51.57, population: 75, postcode: 45964, postcodeSpan: 4 },
  { name: 'Dorsten', lon: 6.96, lat: 51.66, population: 75, postcode: 46282, postcodeSpan: 5 },
  { name: 'Detmold', lon: 8.88, lat: 51.94, population: 74, postcode: 32756, postcodeSpan: 4 },
  { name: 'Arnsberg', lon: 8.06, lat: 51.4, population: 73, postcode: 59755, postcodeSpan: 5 },
  { name: 'Castrop-Rauxel', lon: 7.31, lat: 51.55, population: 73, postcode: 44575, postcodeSpan: 7 },
  { name: 'Bocholt', lon: 6.61, lat: 51.84, population: 71, postcode: 46395, postcodeSpan: 5 },
  { name: 'Lippstadt', lon: 8.35, lat: 51.67, population: 68, postcode: 59555, postcodeSpan: 4 },
  { name: 'Herford', lon: 8.67, lat: 52.11, population: 67, postcode: 32049, postcodeSpan: 4 },
  { name: 'Dinslaken', lon: 6.74, lat: 51.56, population: 67, postcode: 46535, postcodeSpan: 5 },
  { name: 'Kerpen', lon: 6.69, lat: 50.87, population: 66, postcode: 50169, postcodeSpan: 3 },
  { name: 'Grevenbroich', lon: 6.59, lat: 51.09, population: 64, postcode: 41515, postcodeSpan: 3 },
  { name: 'Bergheim', lon: 6.64, lat: 50.96, population: 62, postcode: 50126, postcodeSpan: 4 },
  { name: 'Wesel', lon: 6.62, lat: 51.66, population: 61, postcode: 46483, postcodeSpan: 4 },
  { name: 'Unna', lon: 7.69, lat: 51.54, population: 59, postcode: 59423, postcodeSpan: 5 },
  { name: 'Euskirchen', lon: 6.79, lat: 50.66, population: 58, postcode: 53879, postcodeSpan: 3 },
  { name: 'Stolberg', lon: 6.23, lat: 50.77, population: 56, postcode: 52222, postcodeSpan: 3 },
  { name: 'Sankt Augustin', lon: 7.19, lat: 50.77, population: 55, postcode: 53757, postcodeSpan: 1 },
  { name: 'Ahlen', lon: 7.89, lat: 51.76, population: 53, postcode: 59227, postcodeSpan: 3 },
  { name: 'Kleve', lon: 6.14, lat: 51.79, population: 52, postcode: 47533, postcodeSpan: 2 },
  { name: 'Gummersbach', lon: 7.56, lat: 51.03, population: 51, postcode: 51643, postcodeSpan: 5 },
  { name: 'Soest', lon: 8.11, lat: 51.57, population: 48, postcode: 59494, postcodeSpan: 1 },
  { name: 'Borken', lon: 6.86, lat: 51.84, population: 43, postcode: 46325, postcodeSpan: 1 },
  { name: 'Heinsberg', lon: 6.1, lat: 51.06, population: 42, postcode: 52525, postcodeSpan: 1 },
  { name: 'Coesfeld', lon: 7.17, lat: 51.95, population: 37, postcode: 48653, postcodeSpan: 1 },
  { name: 'Warendorf', lon: 7.99, lat: 51.95, population: 37, postcode: 48231, postcodeSpan: 1 },
  { name: 'Steinfurt', lon: 7.34, lat: 52.15, population: 34, postcode: 48565, postcodeSpan: 1 },
  { name: 'Meschede', lon: 8.28, lat: 51.35, population: 30, postcode: 59872, postcodeSpan: 1 },
  { name: 'Höxter', lon: 9.38, lat: 51.77, population: 29, postcode: 37671, postcodeSpan: 1 },
  { name: 'Olpe', lon: 7.84, lat: 51.03, population: 25, postcode: 57462, postcodeSpan: 1 },
];

export interface NrwKreis {
  name: string;
  lon: number;
  lat: number;
  /** Where the Kreis's villages get their postcodes from. */
  postcode: number;
  /** Spread of its villages around the centre, km. */
  radiusKm: number;
}

// prettier-ignore
export const NRW_KREISE: readonly NrwKreis[] = [
  { name: 'Kreis Kleve', lon: 6.2, lat: 51.68, postcode: 47551, radiusKm: 16 },
  { name: 'Kreis Wesel', lon: 6.55, lat: 51.62, postcode: 46485, radiusKm: 12 },
  { name: 'Kreis Borken', lon: 6.85, lat: 51.92, postcode: 46342, radiusKm: 18 },
  { name: 'Kreis Steinfurt', lon: 7.6, lat: 52.2, postcode: 48477, radiusKm: 18 },
  { name: 'Kreis Coesfeld', lon: 7.3, lat: 51.85, postcode: 48727, radiusKm: 12 },
  { name: 'Kreis Warendorf', lon: 8.05, lat: 51.88, postcode: 48317, radiusKm: 14 },
  { name: 'Kreis Recklinghausen', lon: 7.25, lat: 51.68, postcode: 45711, radiusKm: 10 },
  { name: 'Kreis Minden-Lübbecke', lon: 8.75, lat: 52.35, postcode: 32312, radiusKm: 16 },
  { name: 'Kreis Herford', lon: 8.6, lat: 52.17, postcode: 32120, radiusKm: 8 },
  { name: 'Kreis Gütersloh', lon: 8.4, lat: 51.85, postcode: 33378, radiusKm: 13 },
  { name: 'Kreis Lippe', lon: 8.95, lat: 51.95, postcode: 32657, radiusKm: 15 },
  { name: 'Kreis Paderborn', lon: 8.65, lat: 51.65, postcode: 33154, radiusKm: 14 },
  { name: 'Kreis Höxter', lon: 9.25, lat: 51.65, postcode: 37688, radiusKm: 14 },
  { name: 'Kreis Soest', lon: 8.2, lat: 51.55, postcode: 59505, radiusKm: 15 },
  { name: 'Kreis Unna', lon: 7.65, lat: 51.58, postcode: 59174, radiusKm: 9 },
  { name: 'Hochsauerlandkreis', lon: 8.35, lat: 51.25, postcode: 59909, radiusKm: 20 },
  { name: 'Märkischer Kreis', lon: 7.7, lat: 51.25, postcode: 58762, radiusKm: 14 },
  { name: 'Ennepe-Ruhr-Kreis', lon: 7.3, lat: 51.33, postcode: 58285, radiusKm: 8 },
  { name: 'Kreis Olpe', lon: 7.95, lat: 51.07, postcode: 57439, radiusKm: 10 },
  { name: 'Kreis Siegen-Wittgenstein', lon: 8.2, lat: 50.95, postcode: 57234, radiusKm: 15 },
  { name: 'Oberbergischer Kreis', lon: 7.5, lat: 51.0, postcode: 51580, radiusKm: 13 },
  { name: 'Rheinisch-Bergischer Kreis', lon: 7.2, lat: 51.05, postcode: 51465, radiusKm: 8 },
  { name: 'Rhein-Sieg-Kreis', lon: 7.35, lat: 50.78, postcode: 53721, radiusKm: 14 },
  { name: 'Kreis Euskirchen', lon: 6.7, lat: 50.55, postcode: 53902, radiusKm: 15 },
  { name: 'Kreis Düren', lon: 6.45, lat: 50.72, postcode: 52372, radiusKm: 13 },
  { name: 'Rhein-Erft-Kreis', lon: 6.75, lat: 50.88, postcode: 50181, radiusKm: 9 },
  { name: 'Rhein-Kreis Neuss', lon: 6.6, lat: 51.15, postcode: 41352, radiusKm: 9 },
  { name: 'Kreis Viersen', lon: 6.3, lat: 51.3, postcode: 41334, radiusKm: 10 },
  { name: 'Kreis Heinsberg', lon: 6.15, lat: 51.0, postcode: 52511, radiusKm: 10 },
  { name: 'Städteregion Aachen', lon: 6.2, lat: 50.7, postcode: 52134, radiusKm: 10 },
  { name: 'Kreis Mettmann', lon: 6.97, lat: 51.25, postcode: 40822, radiusKm: 8 },
];

/** Where a share of the state's properties cluster: a town, or a village of a Kreis. */
export interface NrwCluster {
  kind: 'town' | 'village';
  /** The place name used in addresses. */
  place: string;
  lon: number;
  lat: number;
  /** Standard deviation of the cluster's core, metres (a wider halo has 2.4 times it). */
  sdM: number;
  postcode: number;
  postcodeSpan: number;
  /** Properties in this cluster, and the index of its first one. */
  count: number;
  start: number;
}

export interface NrwDistrictSeed {
  name: string;
  lon: number;
  lat: number;
}

/** Share of the properties outside the towns of NRW_TOWNS. */
export const RURAL_SHARE = 0.28;

const VILLAGE_HEADS = [
  'Alten', 'Neu', 'Hohen', 'Ober', 'Nieder', 'Wester', 'Oster', 'Süd', 'Nord', 'Linden',
  'Brock', 'Holt', 'Eschen', 'Hesel', 'Dreier', 'Ems', 'Lipp', 'Sieg', 'Wald', 'Heide',
  'Mühl', 'Kirch', 'Stein', 'Ahl', 'Berg', 'Hamm', 'Horn', 'Lohn', 'Roden', 'Wester',
] as const; // prettier-ignore
const VILLAGE_TAILS = [
  'hausen', 'dorf', 'berg', 'feld', 'horst', 'beck', 'kamp', 'rode', 'bach', 'heim',
  'stedt', 'born', 'loh', 'wede', 'ingen', 'brück',
] as const; // prettier-ignore

const M_PER_DEG_LAT = 111_200;

/** Clamps a point into the state's bounds, a little inside. */
export function clampToNrw(lon: number, lat: number): [number, number] {
  const m = 0.005;
  return [
    Math.min(NRW_BOUNDS.maxLon - m, Math.max(NRW_BOUNDS.minLon + m, lon)),
    Math.min(NRW_BOUNDS.maxLat - m, Math.max(NRW_BOUNDS.minLat + m, lat)),
  ];
}

/**
 * The clusters of `properties` properties: each town by its population; the rural share over
 * villages scattered around each Kreis's centre. Counts are apportioned by largest remainder
 * and add up to `properties`; the same seed gives the same clusters.
 */
export function nrwClusters(seed: string, properties: number): NrwCluster[] {
  const rng = new Random(`${seed}/nrw-villages`);
  const townPopulation = NRW_TOWNS.reduce((sum, t) => sum + t.population, 0);
  const places: Array<Omit<NrwCluster, 'count' | 'start'> & { weight: number }> = [];
  for (const town of NRW_TOWNS) {
    places.push({
      kind: 'town',
      place: town.name,
      lon: town.lon,
      lat: town.lat,
      sdM: 700 * Math.sqrt(town.population / 40),
      postcode: town.postcode,
      postcodeSpan: town.postcodeSpan,
      weight: (1 - RURAL_SHARE) * (town.population / townPopulation),
    });
  }
  const villagesPerKreis = 24;
  const kreisWeight = RURAL_SHARE / NRW_KREISE.length;
  const names = new Set(NRW_TOWNS.map((t) => t.name));
  for (const kreis of NRW_KREISE) {
    const weights = Array.from({ length: villagesPerKreis }, () => 0.2 + rng.next() ** 2 * 3);
    const sum = weights.reduce((a, b) => a + b, 0);
    for (let v = 0; v < villagesPerKreis; v++) {
      let place = `${rng.pick(VILLAGE_HEADS)}${rng.pick(VILLAGE_TAILS)}`;
      // Common village names repeat across the state, as they do in reality ("… bei …").
      if (names.has(place))
        place = `${place} bei ${kreis.name.replace(/^(Kreis|Städteregion) /, '')}`;
      for (let n = 2; names.has(place); n++) place = `${place.replace(/ \d+$/, '')} ${n}`;
      names.add(place);
      const latOffset = (rng.normal(0, kreis.radiusKm * 0.55) * 1000) / M_PER_DEG_LAT;
      const lat = kreis.lat + latOffset;
      const lonOffset =
        (rng.normal(0, kreis.radiusKm * 0.55) * 1000) / (111_320 * Math.cos((lat * Math.PI) / 180));
      const [vLon, vLat] = clampToNrw(kreis.lon + lonOffset, lat);
      places.push({
        kind: 'village',
        place,
        lon: Math.round(vLon * 1e5) / 1e5,
        lat: Math.round(vLat * 1e5) / 1e5,
        sdM: 350 + weights[v] * 150,
        postcode: kreis.postcode + rng.int(0, 20),
        postcodeSpan: 1,
        weight: (kreisWeight * weights[v]) / sum,
      });
    }
  }
  // Largest remainder, so the counts add up exactly.
  const exact = places.map((p) => p.weight * properties);
  const counts = exact.map(Math.floor);
  let left = properties - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]]++;
  let start = 0;
  return places.map(({ weight: _weight, ...p }, i) => {
    const cluster = { ...p, count: counts[i], start };
    start += counts[i];
    return cluster;
  });
}

const COMPASS = ['Nord', 'Nordost', 'Ost', 'Südost', 'Süd', 'Südwest', 'West', 'Nordwest'];

/**
 * District seeds: a town of 60,000 or more gets "Mitte" and up to eight compass districts
 * around it (one per 60,000 inhabitants), a smaller town one district, every Kreis one for its
 * countryside. The districts are the Voronoi cells of these seeds inside the state's bounds:
 * synthetic outlines, not real boundaries.
 */
export function nrwDistrictSeeds(): NrwDistrictSeed[] {
  const seeds: NrwDistrictSeed[] = [];
  for (const town of NRW_TOWNS) {
    const parts = Math.min(9, Math.floor(town.population / 60));
    if (parts < 2) {
      seeds.push({ name: town.name, lon: town.lon, lat: town.lat });
      continue;
    }
    seeds.push({ name: `${town.name}-Mitte`, lon: town.lon, lat: town.lat });
    const ringM = 1400 * Math.sqrt(town.population / 40);
    const around = parts - 1;
    for (let k = 0; k < around; k++) {
      const compass = Math.round((k * 8) / around) % 8;
      const angle = (compass * Math.PI) / 4; // 0 = north, clockwise
      const north = Math.cos(angle) * ringM;
      const east = Math.sin(angle) * ringM;
      seeds.push({
        name: `${town.name}-${COMPASS[compass]}`,
        lon: round5(town.lon + east / (111_320 * Math.cos((town.lat * Math.PI) / 180))),
        lat: round5(town.lat + north / M_PER_DEG_LAT),
      });
    }
  }
  for (const kreis of NRW_KREISE) seeds.push({ name: kreis.name, lon: kreis.lon, lat: kreis.lat });
  return seeds;
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
