import { searchTextOf } from '@hausakte/properties';
import { Borough, boroughs } from './geography';
import { LandlordPlan, planLandlords } from './landlords';
import { Random } from './random';
import { crossStreet, Houses, layOutStreets, Street } from './streets';

export interface CityPlan {
  seed: string;
  boroughs: Borough[];
  districtIds: string[];
  streets: Street[];
  houses: Houses;
  byBorough: number[][];
  landlords: LandlordPlan;
}

/** One batch of rows, column by column (as the unnest() inserts take them). */
export interface Chunk {
  properties: {
    id: string[];
    lon: number[];
    lat: number[];
    parcelRef: Array<string | null>;
    districtId: string[];
    notes: Array<string | null>;
  };
  addresses: {
    id: string[];
    propertyId: string[];
    street: string[];
    houseNumber: string[];
    postcode: string[];
    city: string[];
    district: string[];
    isPrimary: boolean[];
    searchText: string[];
  };
  buildings: {
    id: string[];
    propertyId: string[];
    label: string[];
    yearBuilt: Array<number | null>;
  };
  units: {
    id: string[];
    buildingId: string[];
    propertyId: string[];
    label: string[];
    floor: Array<number | null>;
    areaM2: Array<number | null>;
    rooms: Array<number | null>;
  };
  ownerships: {
    id: string[];
    propertyId: string[];
    landlordId: string[];
    role: string[];
    validFrom: string[];
    validTo: Array<string | null>;
  };
}

export interface PlanInput {
  seed: string;
  properties: number;
  /** The ids of the four boroughs' district rows, in the order of `boroughs()`. */
  districtIds: string[];
  ids: Random;
  /** Street and company names already in the database (when appending): not used again. */
  takenStreets?: Set<string>;
  takenCompanies?: Set<string>;
}

/** Everything decided up front: streets, house positions and numbers, landlords, who holds what. */
export function planCity(input: PlanInput): CityPlan {
  const list = boroughs();
  const { streets, houses } = layOutStreets(
    new Random(`${input.seed}/streets`),
    list,
    input.properties,
    new Set(input.takenStreets ?? []),
  );
  const byBorough = list.map(() => [] as number[]);
  streets.forEach((street, s) => byBorough[street.borough].push(s));
  const landlords = planLandlords(
    new Random(`${input.seed}/landlords`),
    input.ids,
    streets,
    houses,
    input.takenCompanies ?? new Set(),
  );
  return {
    seed: input.seed,
    boroughs: list,
    districtIds: input.districtIds,
    streets,
    houses,
    byBorough,
    landlords,
  };
}

const DAY_MS = 86_400_000;
const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);
const LATEST = day('2025-12-31');

const PROPERTY_NOTES = [
  'Zugang zum Hinterhaus über die Tordurchfahrt.',
  'Schlüssel beim Hausmeister im Erdgeschoss.',
  'Klingelschilder unvollständig.',
  'Gewerbeeinheit im Erdgeschoss (Kiosk).',
  'Keller teilweise nicht zugänglich.',
];

const YEAR_ERAS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[1880, 1918], 25],
  [[1919, 1939], 15],
  [[1949, 1978], 40],
  [[1979, 1999], 12],
  [[2000, 2024], 8],
];

function floorName(floor: number, top: boolean, attic: boolean): string {
  if (floor < 0) return 'Souterrain';
  if (floor === 0) return 'EG';
  if (top && attic) return 'DG';
  return `${floor}. OG`;
}

/**
 * The rows of the city in batches of `size` properties, in a fixed order from one random stream:
 * the same plan gives the same rows whatever the batch size is inserted with.
 */
export function* propertyChunks(plan: CityPlan, ids: Random, size: number): Generator<Chunk> {
  const rng = new Random(`${plan.seed}/details`);
  const { houses, streets, boroughs: list, districtIds, landlords: lp } = plan;
  const { owner, coOwner, manager, headTenant, network } = lp.ownership;
  const landlordId = (i: number) => lp.landlords[i].id;
  const n = houses.lon.length;

  for (let start = 0; start < n; start += size) {
    const end = Math.min(n, start + size);
    const c: Chunk = {
      properties: { id: [], lon: [], lat: [], parcelRef: [], districtId: [], notes: [] },
      addresses: {
        id: [],
        propertyId: [],
        street: [],
        houseNumber: [],
        postcode: [],
        city: [],
        district: [],
        isPrimary: [],
        searchText: [],
      },
      buildings: { id: [], propertyId: [], label: [], yearBuilt: [] },
      units: {
        id: [],
        buildingId: [],
        propertyId: [],
        label: [],
        floor: [],
        areaM2: [],
        rooms: [],
      },
      ownerships: { id: [], propertyId: [], landlordId: [], role: [], validFrom: [], validTo: [] },
    };
    const address = (
      propertyId: string,
      street: Street,
      houseNumber: string,
      isPrimary: boolean,
    ) => {
      const fields = {
        street: street.name,
        houseNumber,
        postcode: street.postcode,
        city: 'Herne',
        district: list[street.borough].name,
      };
      const a = c.addresses;
      a.id.push(ids.uuid());
      a.propertyId.push(propertyId);
      a.street.push(fields.street);
      a.houseNumber.push(fields.houseNumber);
      a.postcode.push(fields.postcode);
      a.city.push(fields.city);
      a.district.push(fields.district);
      a.isPrimary.push(isPrimary);
      a.searchText.push(searchTextOf(fields));
    };
    const ownership = (
      propertyId: string,
      landlord: number,
      role: string,
      from: number,
      to: number | null,
    ) => {
      const o = c.ownerships;
      o.id.push(ids.uuid());
      o.propertyId.push(propertyId);
      o.landlordId.push(landlordId(landlord));
      o.role.push(role);
      o.validFrom.push(isoDay(from));
      o.validTo.push(to === null ? null : isoDay(to));
    };

    for (let i = start; i < end; i++) {
      const id = ids.uuid();
      const street = streets[houses.street[i]];
      const p = c.properties;
      p.id.push(id);
      p.lon.push(houses.lon[i]);
      p.lat.push(houses.lat[i]);
      p.districtId.push(districtIds[houses.borough[i]]);
      p.parcelRef.push(
        rng.chance(0.97)
          ? `Gemarkung ${street.gemarkung}, Flur ${street.flur}, Flurstück ${street.firstParcel + (i - street.first)}${rng.chance(0.12) ? `/${rng.int(1, 6)}` : ''}`
          : null,
      );
      p.notes.push(rng.chance(0.02) ? rng.pick(PROPERTY_NOTES) : null);

      // Addresses: the primary one, and for a corner house one on the cross street.
      address(id, street, houses.number[i], true);
      if (rng.chance(0.04)) {
        const cross = crossStreet(streets, plan.byBorough, houses.street[i], [
          houses.lon[i],
          houses.lat[i],
        ]);
        if (cross >= 0) {
          const other = streets[cross];
          const odd = rng.chance(0.5);
          const number = odd ? other.nextOdd : other.nextEven;
          if (odd) other.nextOdd += 2;
          else other.nextEven += 2;
          address(id, other, String(number), false);
        }
      }

      // Buildings and units.
      const buildingCount = rng.weighted([
        [1, 75],
        [2, 20],
        [3, 5],
      ] as const);
      const labels =
        buildingCount === 1
          ? [
              rng.weighted([
                ['Hauptgebäude', 8],
                ['Vorderhaus', 1],
                ['Wohnhaus', 1],
              ] as const),
            ]
          : ['Vorderhaus', 'Hinterhaus', 'Seitenflügel'].slice(0, buildingCount);
      const kind = rng.weighted([
        ['single', 30],
        ['small', 22],
        ['mid', 36],
        ['large', 12],
      ] as const);
      labels.forEach((label, b) => {
        const buildingId = ids.uuid();
        const eraRange = rng.weighted(YEAR_ERAS);
        c.buildings.id.push(buildingId);
        c.buildings.propertyId.push(id);
        c.buildings.label.push(label);
        c.buildings.yearBuilt.push(rng.chance(0.05) ? null : rng.int(eraRange[0], eraRange[1]));

        const count =
          b > 0
            ? rng.int(1, 6)
            : kind === 'single'
              ? 1
              : kind === 'small'
                ? rng.int(2, 3)
                : kind === 'mid'
                  ? rng.int(4, 8)
                  : rng.int(9, 18);
        const perFloor = count <= 3 ? 1 : count <= 8 ? 2 : 3;
        const sides =
          perFloor === 1
            ? ['']
            : perFloor === 2
              ? [' links', ' rechts']
              : [' links', ' Mitte', ' rechts'];
        const floors = Math.ceil(count / perFloor);
        const attic = floors >= 3 && rng.chance(0.3);
        const base = kind === 'single' && b === 0 ? rng.between(90, 140) : rng.between(42, 95);
        const unit = (floor: number, label: string) => {
          const area = Math.min(140, Math.max(25, base * rng.between(0.8, 1.2)));
          const rooms = Math.min(
            5,
            Math.max(1, Math.round((area / 22 + rng.normal(0, 0.4)) * 2) / 2),
          );
          const u = c.units;
          u.id.push(ids.uuid());
          u.buildingId.push(buildingId);
          u.propertyId.push(id);
          u.label.push(label);
          u.floor.push(rng.chance(0.01) ? null : floor);
          u.areaM2.push(rng.chance(0.03) ? null : Math.round(area * 100) / 100);
          u.rooms.push(rng.chance(0.03) ? null : rooms);
        };
        if (count > 1 && rng.chance(0.03)) unit(-1, 'Souterrain');
        for (let k = 0; k < count; k++) {
          const floor = Math.floor(k / perFloor);
          unit(
            floor,
            `${floorName(floor, floor === floors - 1, attic)}${count === 1 ? '' : sides[k % perFloor]}`,
          );
        }
      });

      // Ownerships: the current owner (or a couple), maybe the one before, a manager, a head tenant.
      const o = owner[i];
      const spouse = coOwner[i];
      const hadPast = rng.chance(0.15);
      const from = hadPast
        ? rng.int(day('2008-01-01'), day('2025-06-30'))
        : rng.int(day('1985-01-01'), day('2025-06-30'));
      const role = spouse >= 0 ? 'joint_owner' : 'owner';
      ownership(id, o, role, from, null);
      if (spouse >= 0) ownership(id, spouse, role, from, null);
      if (hadPast && lp.pastPool.length > 0) {
        const net = network[i];
        let past = -1;
        if (net >= 0 && rng.chance(0.6)) {
          const members = lp.networks[net].filter((m) => m !== o);
          past = members.length ? rng.pick(members) : -1;
        }
        for (let attempt = 0; past < 0 || past === o || past === spouse; attempt++) {
          past = lp.pastPool[rng.int(0, lp.pastPool.length - 1)];
          if (attempt > 20) break;
        }
        if (past >= 0 && past !== o && past !== spouse) {
          ownership(id, past, 'owner', from - rng.int(3 * 365, 25 * 365), from - 1);
        }
      }
      const m = manager[i];
      if (m >= 0) {
        const mFrom = Math.max(from, rng.int(day('2012-01-01'), day('2025-06-30')));
        ownership(id, m, 'manager', mFrom, null);
        if (mFrom - from > 400 && rng.chance(0.08)) {
          const others = lp.managers.filter((x) => x !== m);
          if (others.length) ownership(id, rng.pick(others), 'manager', from, mFrom - 1);
        }
      }
      const h = headTenant[i];
      if (h >= 0) {
        const hFrom = Math.max(from, rng.int(day('2016-01-01'), day('2025-06-30')));
        const ended = rng.chance(0.25);
        const hTo = ended ? Math.min(LATEST, hFrom + rng.int(180, 1500)) : null;
        ownership(id, h, 'head_tenant', hFrom, hTo);
      }
    }
    yield c;
  }
}
