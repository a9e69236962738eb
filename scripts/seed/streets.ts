import { Borough, distanceM, insideWithMargin, offset, randomPointIn, round6 } from './geography';
import { Random } from './random';
import {
  FIRST_NAMES,
  LAST_NAMES,
  PLACE_ADJECTIVES,
  PLACE_ROAD_SUFFIXES,
  STREET_PHRASES,
  STREET_STEMS,
  STREET_SUFFIXES,
} from './vocabulary';

/** Streets every city of this kind has; the first of each borough is placed first. */
const LANDMARK_STREETS: Record<Borough['name'], string[]> = {
  'Herne-Mitte': ['Bahnhofstraße', 'Am Stadtgarten', 'Sodinger Straße', 'Bochumer Straße'],
  Wanne: ['Hauptstraße', 'Wanner Straße', 'Am Kanal', 'Cranger Straße'],
  Eickel: ['Eickeler Markt', 'Holsterhauser Straße', 'Am Buschkamp', 'Röhlinghauser Straße'],
  Sodingen: ['Mont-Cenis-Straße', 'Castroper Straße', 'Am Gysenberg', 'Börniger Straße'],
};

export interface Street {
  name: string;
  borough: number;
  postcode: string;
  gemarkung: string;
  flur: number;
  firstParcel: number;
  /** Index of the street's first property in the city; its houses follow in order. */
  first: number;
  count: number;
  /** Sampled points of the centre line, for finding a cross street. */
  samples: Array<[number, number]>;
  /** The next free house number on each side, for corner addresses added later. */
  nextOdd: number;
  nextEven: number;
}

export interface Houses {
  lon: Float64Array;
  lat: Float64Array;
  street: Int32Array;
  number: string[];
  borough: Uint8Array;
}

/**
 * A pool of street names, landmarks excluded: "<stem><suffix>", "Am …", "<place>er Straße" and
 * "<first>-<last>-<suffix>" for as many as needed. Names in `taken` are never returned.
 */
function* streetNames(rng: Random, taken: Set<string>): Generator<string, never> {
  const candidates: string[] = [];
  for (const stem of STREET_STEMS) {
    for (const [suffix] of STREET_SUFFIXES) candidates.push(`${stem}${suffix}`);
  }
  candidates.push(...STREET_PHRASES);
  for (const place of PLACE_ADJECTIVES) {
    for (const [suffix] of PLACE_ROAD_SUFFIXES) candidates.push(`${place} ${suffix}`);
  }
  rng.shuffle(candidates);
  // Prefer the common suffixes: a city has more "…straße" than "…damm".
  const weightOf = (name: string) => {
    for (const [suffix, weight] of STREET_SUFFIXES) if (name.endsWith(suffix)) return weight;
    return 3;
  };
  const pending = candidates.filter((name) => rng.next() < weightOf(name) / 12);
  for (const name of pending) {
    if (!taken.has(name)) {
      taken.add(name);
      yield name;
    }
  }
  // Then streets named after (generated) people, without end.
  for (;;) {
    const suffix = rng.weighted(STREET_SUFFIXES.map(([s, w]) => [s, w] as const));
    const name = `${rng.pick(FIRST_NAMES)}-${rng.pick(LAST_NAMES)}-${suffix === 'straße' ? 'Straße' : suffix[0].toUpperCase() + suffix.slice(1)}`;
    if (!taken.has(name)) {
      taken.add(name);
      yield name;
    }
  }
}

/** Splits `total` into parts proportional to `weights` (largest remainder), each at least `min`. */
export function apportion(total: number, weights: number[], min = 0): number[] {
  const n = weights.length;
  const base = Math.min(min, Math.floor(total / Math.max(n, 1)));
  const rest = total - base * n;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * rest);
  const parts = exact.map((x) => Math.floor(x));
  let left = rest - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts.map((p) => p + base);
}

/**
 * Lays out `total` houses along streets inside the boroughs: each street starts at a random
 * point (mostly near the borough's centre), runs on with gentle bends, turns away from the
 * borough's edge, and gets houses on both sides (odd numbers left, even right, sometimes "12a").
 */
export function layOutStreets(
  rng: Random,
  boroughList: Borough[],
  total: number,
  takenNames: Set<string>,
): { streets: Street[]; houses: Houses } {
  // Landmarks are never generated again as ordinary names.
  const names = streetNames(
    rng,
    new Set([...takenNames, ...Object.values(LANDMARK_STREETS).flat()]),
  );
  const perBorough = apportion(
    total,
    boroughList.map((b) => b.share),
  );
  const streets: Street[] = [];
  const houses: Houses = {
    lon: new Float64Array(total),
    lat: new Float64Array(total),
    street: new Int32Array(total),
    number: new Array<string>(total),
    borough: new Uint8Array(total),
  };
  let next = 0;
  let flur = 1;
  boroughList.forEach((borough, b) => {
    const count = perBorough[b];
    if (count === 0) return;
    // About 55 houses a street on average, main roads longer, squares and lanes short.
    const streetCount = Math.max(1, Math.min(count, Math.round(count / 55)));
    const landmarks = LANDMARK_STREETS[borough.name].filter((name) => !takenNames.has(name));
    const streetNamesHere = Array.from({ length: streetCount }, (_, s) =>
      s < landmarks.length ? landmarks[s] : names.next().value,
    );
    const weights = streetNamesHere.map((name, s) =>
      s < landmarks.length
        ? rng.between(2.5, 3.5)
        : Math.min(3, Math.exp(rng.normal(0, 0.6))) * (/(platz|gasse|pfad)$/i.test(name) ? 0.3 : 1),
    );
    const sizes = apportion(count, weights, 1);
    for (let s = 0; s < streetCount; s++) {
      const name = streetNamesHere[s];
      takenNames.add(name);
      const street: Street = {
        name,
        borough: b,
        postcode: rng.pick(borough.postcodes),
        gemarkung: rng.pick(borough.gemarkungen),
        flur: (flur = rng.chance(0.7) ? flur : rng.int(1, 60)),
        firstParcel: rng.int(20, 900),
        first: next,
        count: sizes[s],
        samples: [],
        nextOdd: 1,
        nextEven: 2,
      };
      placeHouses(rng, borough, b, street, houses, streets.length);
      next += sizes[s];
      streets.push(street);
    }
  });
  return { streets, houses };
}

function placeHouses(
  rng: Random,
  borough: Borough,
  boroughIndex: number,
  street: Street,
  houses: Houses,
  streetIndex: number,
): void {
  const spacing = rng.between(16, 28);
  const setback = rng.between(8, 14);
  let [lon, lat] = randomPointIn(rng, borough, 40);
  let heading = rng.between(0, 2 * Math.PI);
  const line: Array<[number, number]> = [[lon, lat]];
  const last = { odd: '', even: '' };
  let placed = 0;
  let blocked = 0;
  let side = rng.chance(0.5) ? 1 : -1;
  while (placed < street.count) {
    const [nLon, nLat] = offset(lon, lat, spacing * Math.cos(heading), spacing * Math.sin(heading));
    if (!insideWithMargin(borough, nLon, nLat, 25)) {
      blocked++;
      if (blocked > 40) {
        // Boxed in: the street goes on as a branch from a random earlier point.
        [lon, lat] =
          rng.chance(0.5) && line.length > 1 ? rng.pick(line) : randomPointIn(rng, borough, 40);
        blocked = 0;
      }
      heading += (rng.chance(0.5) ? 1 : -1) * rng.between(Math.PI / 2, Math.PI * 0.9);
      continue;
    }
    blocked = 0;
    lon = nLon;
    lat = nLat;
    heading += rng.normal(0, 0.07);
    if (line.length % 6 === 0) street.samples.push([lon, lat]);
    line.push([lon, lat]);
    // One house on each side of this stretch.
    for (let k = 0; k < 2 && placed < street.count; k++) {
      side = -side;
      const along = rng.between(-3, 3);
      const east = setback * Math.cos(heading + (side * Math.PI) / 2) + along * Math.cos(heading);
      const north = setback * Math.sin(heading + (side * Math.PI) / 2) + along * Math.sin(heading);
      const [hLon, hLat] = offset(lon, lat, east, north);
      const pLon = round6(hLon);
      const pLat = round6(hLat);
      if (!insideWithMargin(borough, pLon, pLat, 3)) continue;
      const odd = side > 0;
      const previous = odd ? last.odd : last.even;
      let number: string;
      if (previous && rng.chance(0.05) && !/c$/.test(previous)) {
        // "12" → "12a" → "12b": a house squeezed in later.
        const letter = /[a-z]$/.test(previous)
          ? String.fromCharCode(previous.charCodeAt(previous.length - 1) + 1)
          : 'a';
        number = `${previous.replace(/[a-z]$/, '')}${letter}`;
      } else if (odd) {
        number = String(street.nextOdd);
        street.nextOdd += 2;
      } else {
        number = String(street.nextEven);
        street.nextEven += 2;
      }
      if (odd) last.odd = number;
      else last.even = number;
      const i = street.first + placed;
      houses.lon[i] = pLon;
      houses.lat[i] = pLat;
      houses.street[i] = streetIndex;
      houses.number[i] = number;
      houses.borough[i] = boroughIndex;
      placed++;
    }
  }
  if (street.samples.length === 0) street.samples.push(line[Math.floor(line.length / 2)]);
}

/** The street of the same borough, other than `own`, that passes closest to the point. */
export function crossStreet(
  streets: Street[],
  byBorough: number[][],
  own: number,
  point: [number, number],
): number {
  let best = -1;
  let bestDistance = Infinity;
  for (const s of byBorough[streets[own].borough]) {
    if (s === own) continue;
    for (const sample of streets[s].samples) {
      const d = distanceM(sample, point);
      if (d < bestDistance) {
        bestDistance = d;
        best = s;
      }
    }
  }
  return best;
}
