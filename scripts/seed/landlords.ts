import { Random } from './random';
import type { Houses, Street } from './streets';
import {
  BUSINESS_WORDS,
  COOP_PATTERNS,
  COOP_REGIONS,
  FIRST_NAMES,
  GENERIC_STREETS,
  LAST_NAMES,
  MANAGER_WORDS,
  OTHER_CITIES,
  REGION_WORDS,
  UNDELIVERABLE_NOTES,
} from './vocabulary';

export interface LandlordRow {
  id: string;
  kind: 'person' | 'company';
  name: string;
  registerNumber: string | null;
  directors: string[];
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  undeliverableNote: string | null;
  notes: string | null;
}

export type LandlordGroup =
  | 'big'
  | 'coop'
  | 'network'
  | 'director'
  | 'mid'
  | 'person'
  | 'spouse'
  | 'manager'
  | 'hub_manager'
  | 'head_tenant';

/** Who holds each property now, by index into `landlords`; -1 for none. */
export interface OwnershipPlan {
  owner: Int32Array;
  /** A spouse: then owner and spouse are both `joint_owner`. */
  coOwner: Int32Array;
  manager: Int32Array;
  headTenant: Int32Array;
  /** The network the owner belongs to, or -1. */
  network: Int8Array;
}

export interface LandlordPlan {
  landlords: LandlordRow[];
  groups: LandlordGroup[];
  ownership: OwnershipPlan;
  /** Member companies (landlord indexes) of each planted network. */
  networks: number[][];
  /** Ordinary landlords that may have owned a property before its current owner. */
  pastPool: Int32Array;
  managers: number[];
  /** What was planted for network detection, in words (README and seed output). */
  planted: string[];
}

interface Postal {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}

/** Numbers from the ranges the Bundesnetzagentur keeps free for film and TV: never a real line. */
const FICTIONAL_PHONE_PREFIXES = ['030 23125', '069 90009', '040 66969', '0221 4710', '089 99998'];

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The landlords of the city and who holds which property. Portfolios follow a plausible shape:
 * a few large housing companies holding whole stretches of streets, some cooperatives, a few
 * hundred small and mid-sized companies, and tens of thousands of private owners with one to a
 * dozen properties; property managers (Hausverwaltungen) manage many owners' properties.
 * Patterns for network detection are planted on purpose and described in `planted`.
 */
export function planLandlords(
  rng: Random,
  ids: Random,
  streets: Street[],
  houses: Houses,
  takenCompanyNames: Set<string>,
): LandlordPlan {
  const n = houses.lon.length;
  const scaled = (fraction: number, min: number) => Math.max(min, Math.round(fraction * n));
  const tier = n >= 5000 ? 2 : n >= 1000 ? 1 : 0;

  const landlords: LandlordRow[] = [];
  const groups: LandlordGroup[] = [];
  const usedNames = new Set(takenCompanyNames);
  const counters = { HRB: rng.int(3000, 9000), HRA: rng.int(1000, 4000), GnR: rng.int(50, 400) };
  const register = (kind: 'HRB' | 'HRA' | 'GnR', step = rng.int(3, 60)) =>
    `${kind} ${(counters[kind] += step)}`;

  const personName = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const phone = () =>
    `${rng.pick(FICTIONAL_PHONE_PREFIXES)} ${String(rng.int(0, 999)).padStart(3, '0')}`;
  const herneAddress = (): Postal => {
    const i = rng.int(0, n - 1);
    const street = streets[houses.street[i]];
    return {
      street: street.name,
      houseNumber: houses.number[i],
      postcode: street.postcode,
      city: 'Herne',
    };
  };
  const otherAddress = (): Postal => {
    const place = rng.pick(OTHER_CITIES);
    return {
      street: rng.pick(GENERIC_STREETS),
      houseNumber: String(rng.int(1, 180)),
      postcode: rng.pick(place.postcodes),
      city: place.city,
    };
  };
  const companyName = (make: () => string): string => {
    for (let attempt = 0; ; attempt++) {
      const name = attempt < 20 ? make() : `${make()} ${attempt}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const add = (group: LandlordGroup, row: Omit<LandlordRow, 'id'>): number => {
    landlords.push({ id: ids.uuid(), ...row });
    groups.push(group);
    return landlords.length - 1;
  };
  const company = (
    group: LandlordGroup,
    name: string,
    registerNumber: string | null,
    directors: string[],
    postal: Postal | null,
  ): number =>
    add(group, {
      kind: 'company',
      name,
      registerNumber,
      directors,
      email: rng.chance(0.8) ? `info@${slug(name).slice(0, 40)}.example` : null,
      phone: rng.chance(0.7) ? phone() : null,
      ...postalFields(postal),
      undeliverableNote: null,
      notes: null,
    });
  const person = (group: LandlordGroup, name: string, postal: Postal | null): number => {
    const [first, ...rest] = name.split(' ');
    return add(group, {
      kind: 'person',
      name,
      registerNumber: null,
      directors: [],
      email: rng.chance(0.25)
        ? `${slug(first)}.${slug(rest.join(' '))}${rng.int(1, 99)}@mail.example`
        : null,
      phone: rng.chance(0.35) ? phone() : null,
      ...postalFields(postal),
      undeliverableNote: postal && rng.chance(0.015) ? rng.pick(UNDELIVERABLE_NOTES) : null,
      notes: null,
    });
  };
  const legalCompany = (
    group: LandlordGroup,
    form: 'GmbH' | 'GmbH & Co. KG' | 'KG' | 'GbR' | 'UG (haftungsbeschränkt)',
    postal: Postal | null,
    directors?: string[],
  ): number => {
    const lastA = rng.pick(LAST_NAMES);
    const lastB = rng.pick(LAST_NAMES);
    let name: string;
    let registerNumber: string | null;
    let people: string[];
    switch (form) {
      case 'GbR':
        name = companyName(() =>
          rng.chance(0.5)
            ? `${rng.pick(LAST_NAMES)} & ${rng.pick(LAST_NAMES)} GbR`
            : `Grundstücksgemeinschaft ${rng.pick(LAST_NAMES)} GbR`,
        );
        // Since 2024 a GbR may register (eGbR); most small ones have not.
        registerNumber = rng.chance(0.15) ? `GsR ${rng.int(10, 900)}` : null;
        people = [`${rng.pick(FIRST_NAMES)} ${lastA}`, `${rng.pick(FIRST_NAMES)} ${lastB}`];
        break;
      case 'KG':
        name = companyName(
          () =>
            `${rng.pick(LAST_NAMES)} ${rng.pick(['Hausbesitz', 'Grundbesitz', 'Immobilien'])} KG`,
        );
        registerNumber = register('HRA');
        people = [personName()];
        break;
      default:
        name = companyName(() =>
          rng.chance(0.6)
            ? `${rng.pick(REGION_WORDS)} ${rng.pick(BUSINESS_WORDS)} ${form}`
            : `${rng.pick(LAST_NAMES)} ${rng.pick(BUSINESS_WORDS)} ${form}`,
        );
        registerNumber = form === 'GmbH & Co. KG' ? register('HRA') : register('HRB');
        people = rng.chance(0.3) ? [personName(), personName()] : [personName()];
    }
    return company(group, name, registerNumber, directors ?? people, postal);
  };

  // --- who owns what --------------------------------------------------------------------------
  const owner = new Int32Array(n).fill(-1);
  const coOwner = new Int32Array(n).fill(-1);
  const headTenant = new Int32Array(n).fill(-1);
  const network = new Int8Array(n).fill(-1);
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  let cursor = 0;
  const nextFree = (): number => {
    while (cursor < n && owner[order[cursor]] !== -1) cursor++;
    return cursor < n ? order[cursor++] : -1;
  };
  /** Whole stretches of streets (a housing estate), as large landlords hold them. */
  const takeStretches = (landlord: number, target: number, runMin: number, runMax: number) => {
    let taken = 0;
    for (let attempt = 0; taken < target && attempt < target * 20 + 100; attempt++) {
      const street = streets[rng.int(0, streets.length - 1)];
      const end = street.first + street.count;
      const run = rng.int(runMin, runMax);
      for (
        let i = street.first + rng.int(0, street.count - 1), k = 0;
        k < run && taken < target && i < end;
        k++, i++
      ) {
        if (owner[i] !== -1) break;
        owner[i] = landlord;
        taken++;
      }
    }
    return taken;
  };
  /** Scattered properties, sometimes two or three neighbours. */
  const takeScattered = (landlord: number, target: number, runMax: number) => {
    let taken = 0;
    while (taken < target) {
      let i = nextFree();
      if (i < 0) break;
      const street = streets[houses.street[i]];
      const end = street.first + street.count;
      const run = rng.int(1, runMax);
      for (
        let k = 0;
        k < run && taken < target && i < end && (k === 0 || owner[i] === -1);
        k++, i++
      ) {
        owner[i] = landlord;
        taken++;
      }
    }
    return taken;
  };
  const portfolio = new Map<number, number>();
  const hold = (landlord: number, count: number) =>
    portfolio.set(landlord, (portfolio.get(landlord) ?? 0) + count);

  // Large housing companies: hundreds of properties each at 100,000.
  const big: number[] = [];
  for (const fraction of [0.009, 0.007, 0.005, 0.004, 0.003, 0.0025].slice(0, [2, 4, 6][tier])) {
    const form = rng.chance(0.6) ? 'GmbH' : 'GmbH & Co. KG';
    const name = companyName(
      () =>
        `${rng.pick(REGION_WORDS)} ${rng.pick(['Wohnbau', 'Wohnen', 'Wohnungsgesellschaft', 'Wohnstätten', 'Grundbesitz'])} ${form}`,
    );
    const id = company(
      'big',
      name,
      form === 'GmbH' ? register('HRB') : register('HRA'),
      [personName(), personName()],
      rng.chance(0.7) ? otherAddress() : herneAddress(),
    );
    hold(id, takeStretches(id, scaled(fraction, 3), 6, 40));
    big.push(id);
  }
  // Cooperatives (eG), also in estates.
  const coops: number[] = [];
  for (const fraction of [0.004, 0.003, 0.002].slice(0, [1, 2, 3][tier])) {
    const name = companyName(() =>
      rng.pick(COOP_PATTERNS).replace('{region}', rng.pick(COOP_REGIONS)),
    );
    const id = company('coop', name, register('GnR'), [personName(), personName()], herneAddress());
    hold(id, takeStretches(id, scaled(fraction, 2), 4, 25));
    coops.push(id);
  }

  // Regular property managers, a few of them with thousands of properties at 100,000.
  const managers: number[] = [];
  for (let k = 0; k < [2, 4, 8][tier]; k++) {
    const name = companyName(() =>
      rng.chance(0.5)
        ? `${rng.pick(MANAGER_WORDS)} ${rng.pick(LAST_NAMES)} GmbH`
        : `${rng.pick(REGION_WORDS)} ${rng.pick(MANAGER_WORDS)} GmbH`,
    );
    managers.push(
      company(
        'manager',
        name,
        register('HRB'),
        [personName()],
        rng.chance(0.7) ? herneAddress() : otherAddress(),
      ),
    );
  }
  const managerWeights = managers.map((m, k) => [m, 1 / (k + 1)] as const);
  const managerOf = new Map<number, number>();

  const planted: string[] = [];
  const describe = (i: number) => `"${landlords[i].name}"`;
  const where = (p: Postal) => `${p.street} ${p.houseNumber}, ${p.postcode} ${p.city}`;

  // Networks: companies with one director and one letterbox address, the director owning a few
  // properties personally, a manager of the same director managing all of it, and properties
  // passed between members (see the past owners in generate.ts).
  const networks: number[][] = [];
  const networkSpecs = [
    { members: 5, fraction: 0.006 },
    { members: 4, fraction: 0.004 },
    { members: 3, fraction: 0.003 },
  ].slice(0, [1, 2, 3][tier]);
  const networkAddresses: Postal[] = [];
  networkSpecs.forEach((spec, k) => {
    const director = personName();
    const address = rng.chance(0.5) ? otherAddress() : herneAddress();
    networkAddresses.push(address);
    const region = rng.pick(REGION_WORDS);
    const members: number[] = [];
    for (let m = 0; m < spec.members; m++) {
      // Two look alike ("Ruhr Objekt 1 GmbH", "Ruhr Objekt 2 GmbH"); the others do not.
      const name =
        m < 2
          ? companyName(() => `${region} Objekt ${m + 1} GmbH`)
          : companyName(
              () =>
                `${rng.pick(REGION_WORDS)} ${rng.pick(BUSINESS_WORDS)} ${rng.pick(['GmbH', 'UG (haftungsbeschränkt)'])}`,
            );
      // Registered one after another: consecutive register numbers.
      const directors = m === spec.members - 1 ? [director, personName()] : [director];
      members.push(company('network', name, register('HRB', 1), directors, address));
    }
    const share = scaled(spec.fraction, spec.members * 2);
    let held = 0;
    members.forEach((member, m) => {
      const count = m === members.length - 1 ? share - held : Math.round(share / members.length);
      const taken = takeScattered(member, count, 2);
      held += taken;
      hold(member, taken);
    });
    const self = person('director', director, address);
    hold(self, takeScattered(self, scaled(spec.fraction / 60, 2), 1));
    const hub = company(
      'hub_manager',
      companyName(
        () => `${rng.pick(MANAGER_WORDS)} ${director.split(' ').slice(1).join(' ')} GmbH`,
      ),
      register('HRB'),
      [director],
      rng.chance(0.5) ? otherAddress() : herneAddress(),
    );
    managers.push(hub);
    for (const member of [...members, self]) managerOf.set(member, hub);
    networks.push([...members, self]);
    planted.push(
      `network ${k + 1}: ${members.length} companies (${members.map(describe).join(', ')}) share the director "${director}" ` +
        `and the postal address ${where(address)}, with consecutive register numbers; "${director}" also owns ` +
        `properties as a person at that address; ${describe(hub)} (director "${director}") manages all of them; ` +
        `properties with a past owner were mostly bought from another member.`,
    );
  });

  // Companies sharing only a postal address (a business-service address), different directors.
  const serviceOffice = {
    ...otherAddress(),
    street: 'Kettwiger Straße',
    city: 'Essen',
    postcode: '45127',
  };
  const addressCluster: number[] = [];
  for (let k = 0; k < [2, 3, 5][tier]; k++) {
    addressCluster.push(
      legalCompany(
        'mid',
        rng.pick(['GmbH', 'UG (haftungsbeschränkt)', 'GbR'] as const),
        serviceOffice,
      ),
    );
  }
  planted.push(
    `shared address only: ${addressCluster.map(describe).join(', ')} all give ${where(serviceOffice)}, with different directors.`,
  );
  // One person directing several otherwise unrelated companies at different addresses.
  const sharedDirector = personName();
  const directorCluster: number[] = [];
  for (let k = 0; k < [2, 3, 3][tier]; k++) {
    directorCluster.push(
      legalCompany(
        'mid',
        rng.pick(['GmbH', 'GmbH & Co. KG'] as const),
        rng.chance(0.5) ? herneAddress() : otherAddress(),
        k === 0 ? [sharedDirector] : [sharedDirector, personName()],
      ),
    );
  }
  planted.push(
    `shared director only: "${sharedDirector}" directs ${directorCluster.map(describe).join(', ')} at different addresses.`,
  );

  // Small and mid-sized companies: about 14 % of the properties.
  const mid: number[] = [...addressCluster, ...directorCluster];
  let midHeld = 0;
  const midTarget = Math.round(n * 0.14);
  for (const id of mid) {
    const taken = takeScattered(
      id,
      Math.max(2, Math.round(Math.exp(rng.normal(Math.log(12), 0.7)))),
      3,
    );
    midHeld += taken;
    hold(id, taken);
  }
  while (midHeld < midTarget) {
    const form = rng.weighted([
      ['GmbH', 5],
      ['GmbH & Co. KG', 2],
      ['KG', 1],
      ['GbR', 3],
      ['UG (haftungsbeschränkt)', 1],
    ] as const);
    const id = legalCompany('mid', form, rng.chance(0.5) ? herneAddress() : otherAddress());
    const wanted = Math.min(250, Math.max(2, Math.round(Math.exp(rng.normal(Math.log(18), 0.9)))));
    const taken = takeScattered(id, Math.min(wanted, midTarget - midHeld), 3);
    midHeld += taken;
    hold(id, taken);
    mid.push(id);
    if (rng.chance(0.55)) managerOf.set(id, rng.weighted(managerWeights));
    if (taken === 0) break;
  }

  // Private owners hold the rest: mostly one property, some a dozen; a quarter own with a spouse.
  const persons: number[] = [];
  const spouseOf = new Map<number, number>();
  for (;;) {
    const first = nextFree();
    if (first < 0) break;
    cursor--; // give it back to takeScattered
    const postal = rng.chance(0.01) ? null : rng.chance(0.75) ? herneAddress() : otherAddress();
    const id = person('person', personName(), postal);
    const wanted = rng.weighted([
      [1, 60],
      [2, 20],
      [3, 10],
      [4, 5],
      [rng.int(5, 12), 5],
    ] as const);
    const taken = takeScattered(id, wanted, 1);
    hold(id, taken);
    persons.push(id);
    if (rng.chance(0.25)) {
      const last = rng.chance(0.75)
        ? landlords[id].name.split(' ').slice(1).join(' ')
        : rng.pick(LAST_NAMES);
      const spouse = person('spouse', `${rng.pick(FIRST_NAMES)} ${last}`, postal);
      spouseOf.set(id, spouse);
      hold(spouse, taken);
      persons.push(spouse);
    }
    if (rng.chance(0.25)) managerOf.set(id, rng.weighted(managerWeights));
  }

  const manager = new Int32Array(n).fill(-1);
  const memberOf = new Map<number, number>();
  networks.forEach((members, k) => members.forEach((m) => memberOf.set(m, k)));
  for (let i = 0; i < n; i++) {
    const o = owner[i];
    coOwner[i] = spouseOf.get(o) ?? -1;
    manager[i] = managerOf.get(o) ?? -1;
    network[i] = memberOf.get(o) ?? -1;
  }

  // Head tenants letting on (worker housing): small firms renting whole houses from private
  // owners; the first shares its postal address with network 1.
  const headTenants: number[] = [];
  for (let k = 0; k < [1, 2, 4][tier]; k++) {
    const postal =
      k === 0 ? networkAddresses[0] : rng.chance(0.5) ? herneAddress() : otherAddress();
    const id = legalCompany(
      'head_tenant',
      rng.pick(['GbR', 'UG (haftungsbeschränkt)'] as const),
      postal,
    );
    headTenants.push(id);
    const target = scaled(0.001, 2);
    let taken = 0;
    for (let attempt = 0; taken < target && attempt < target * 50; attempt++) {
      const i = rng.int(0, n - 1);
      if (headTenant[i] !== -1 || landlords[owner[i]].kind !== 'person') continue;
      headTenant[i] = id;
      taken++;
    }
    hold(id, taken);
  }
  planted.push(
    `head tenants (role head_tenant on privately owned houses): ${headTenants.map(describe).join(', ')}; ` +
      `${describe(headTenants[0])} shares the postal address of network 1.`,
  );

  const top = (list: number[], count: number) =>
    [...list]
      .sort((a, b) => (portfolio.get(b) ?? 0) - (portfolio.get(a) ?? 0))
      .slice(0, count)
      .map((i) => `${describe(i)} ${portfolio.get(i) ?? 0}`)
      .join(', ');
  const managed = new Map<number, number>();
  for (let i = 0; i < n; i++)
    if (manager[i] >= 0) managed.set(manager[i], (managed.get(manager[i]) ?? 0) + 1);
  planted.unshift(
    `large portfolios (current properties): ${top([...big, ...coops], 9)}.`,
    `property managers (role manager; properties managed): ${managers
      .map((m) => `${describe(m)} ${managed.get(m) ?? 0}`)
      .join(', ')}.`,
  );

  const pastPool = Int32Array.from([...mid, ...persons]);
  return {
    landlords,
    groups,
    ownership: { owner, coOwner, manager, headTenant, network },
    networks,
    pastPool,
    managers,
    planted,
  };
}

function postalFields(postal: Postal | null) {
  return {
    street: postal?.street ?? null,
    houseNumber: postal?.houseNumber ?? null,
    postcode: postal?.postcode ?? null,
    city: postal?.city ?? null,
  };
}
