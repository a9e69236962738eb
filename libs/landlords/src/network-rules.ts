/**
 * Landlord networks, the rules: which landlords link, why, and which networks that makes.
 * Pure functions without Nest or TypeORM. `LandlordNetworkRepository` carries out the same rules
 * set-based in SQL (the normalising functions are the migration's `landlord_*_key`); the e2e spec
 * holds both to the same answers.
 *
 * - Landlords link by a shared postal address (street, house number, postcode), register number or
 *   company director, each normalised (`addressKey`, `registerKey`, `personKey`).
 * - A property manager (Hausverwaltung) is no network tie: landlords who share its postal address,
 *   or whose properties it manages, are `managed_by` it; that link does not join networks, so a
 *   manager never merges its clients into one.
 * - A key shared by too many landlords proves nothing (a common name, a c/o address): it links no
 *   one. An address shared by more than MANAGER_ADDRESS_THRESHOLD landlords links no one either,
 *   and a company at it counts as their manager.
 * - Networks are the connected components over the network links, minus the pairs an officer split.
 */

/** A company whose postal address more landlords share than this is taken for their manager. */
export const MANAGER_ADDRESS_THRESHOLD = 10;
/** A register number or director shared by more landlords than this links no one. */
export const COMMON_KEY_LIMIT = 50;

export const NETWORK_LINK_KINDS = ['address', 'register', 'director'] as const;
export type NetworkLinkKind = (typeof NETWORK_LINK_KINDS)[number];
export const LINK_KINDS = [...NETWORK_LINK_KINDS, 'managed_by'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
/** What a link was derived from: a shared key, or a property the manager manages for the owner. */
export type LinkSource = NetworkLinkKind | 'ownership';

const TITLES = new Set(['dr', 'prof', 'dipl', 'ing', 'med', 'jur', 'rer', 'nat']);

function spellOut(value: string): string {
  return value
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue');
}

/** Lower case, German letters spelled out, nothing but letters and digits: "Bahnhofstr." → "bahnhofstr". */
export function foldText(value: string): string {
  return spellOut(value).replace(/[^a-z0-9]+/g, '');
}

/** "Bahnhofstraße 12 A, 44623" and "Bahnhofstr. 12a, 44623" are one address: `bahnhofstr|12a|44623`. */
export function addressKey(
  street: string | null,
  houseNumber: string | null,
  postcode: string | null,
): string | null {
  const s = foldText(street ?? '');
  const n = foldText(houseNumber ?? '');
  const p = (postcode ?? '').replace(/\s+/g, '').toUpperCase();
  if (s === '' || n === '' || p === '') return null;
  return `${s.replace(/strasse/g, 'str')}|${n}|${p}`;
}

/** "HRB 12345" = "hr b 12345" = "HRB-12345"; text without a digit is no register number. */
export function registerKey(registerNumber: string | null): string | null {
  const folded = foldText(registerNumber ?? '');
  return /[0-9]/.test(folded) ? folded.toUpperCase() : null;
}

/** "Dr. Max Muster" = "Muster, Max" = "max  muster": folded words without titles, sorted. */
export function personKey(name: string | null): string | null {
  const words = spellOut(name ?? '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !TITLES.has(word))
    // Byte order, as PostgreSQL's C collation (and ASCII words under any collation) sorts them.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return words.length ? words.join(' ') : null;
}

/** "Bahnhofstr. 12, 44623 Herne": an address as a reason names it. */
export function addressLabel(
  street: string,
  houseNumber: string,
  postcode: string,
  city: string | null,
): string {
  return `${street} ${houseNumber}, ${postcode}${city ? ` ${city}` : ''}`.trim();
}

/** The reason of a link in words (German, as the authority writes it). */
export function linkReason(kind: LinkKind, source: LinkSource, detail: string): string {
  switch (kind) {
    case 'address':
      return `gleiche Postanschrift: ${detail}`;
    case 'register':
      return `gleiche Registernummer: ${detail}`;
    case 'director':
      return `gleicher Geschäftsführer: ${detail}`;
    case 'managed_by':
      return source === 'ownership'
        ? `Hausverwaltung für ${detail} Objekt(e) des Eigentümers`
        : `Postanschrift bei der Hausverwaltung: ${detail}`;
  }
}

/** What the rules need of a landlord. */
export interface NetworkLandlord {
  id: string;
  kind: 'person' | 'company';
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  registerNumber: string | null;
  directors: string[];
}

/** A landlord who manages (or managed) properties while another landlord owned them. */
export interface Management {
  managerId: string;
  ownerId: string;
  /** How many properties; the reason names it. */
  properties: number;
}

export interface LandlordLink {
  /** The lower id for a network link; the client for `managed_by`. */
  landlordAId: string;
  /** The higher id for a network link; the manager for `managed_by`. */
  landlordBId: string;
  kind: LinkKind;
  source: LinkSource;
  detail: string;
  reason: string;
}

/** A pair an officer declared "not the same", in either order. */
export type SplitPair = readonly [string, string];

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * The manager rule: a landlord is treated as a property manager when it manages properties of
 * other owners, or when it is a company at a postal address more than
 * MANAGER_ADDRESS_THRESHOLD landlords share.
 */
export function isPropertyManager(facts: {
  kind: 'person' | 'company';
  managesOthersProperties: boolean;
  landlordsAtAddress: number;
}): boolean {
  return (
    facts.managesOthersProperties ||
    (facts.kind === 'company' && facts.landlordsAtAddress > MANAGER_ADDRESS_THRESHOLD)
  );
}

interface Keyed {
  landlord: NetworkLandlord;
  key: string;
  label: string;
}

function groupBy(items: Keyed[]): Keyed[][] {
  const groups = new Map<string, Keyed[]>();
  for (const item of items) groups.set(item.key, [...(groups.get(item.key) ?? []), item]);
  return [...groups.values()].map((group) =>
    group.sort((a, b) => (a.landlord.id < b.landlord.id ? -1 : 1)),
  );
}

function link(kind: LinkKind, source: LinkSource, a: string, b: string, detail: string) {
  return {
    landlordAId: a,
    landlordBId: b,
    kind,
    source,
    detail,
    reason: linkReason(kind, source, detail),
  };
}

/** Every pair of a group, lower id first. */
function pairsOf(group: Keyed[]): Array<[Keyed, Keyed]> {
  const pairs: Array<[Keyed, Keyed]> = [];
  for (let i = 0; i < group.length; i++)
    for (let j = i + 1; j < group.length; j++) pairs.push([group[i], group[j]]);
  return pairs;
}

/** Which landlords link and why. */
export function deriveLinks(
  landlords: NetworkLandlord[],
  managements: Management[] = [],
  splits: SplitPair[] = [],
): LandlordLink[] {
  const split = new Set(splits.map(([a, b]) => pairKey(a, b)));
  const links: LandlordLink[] = [];

  const addresses: Keyed[] = [];
  const registers: Keyed[] = [];
  const directors: Keyed[] = [];
  for (const landlord of landlords) {
    const address = addressKey(landlord.street, landlord.houseNumber, landlord.postcode);
    if (address)
      addresses.push({
        landlord,
        key: address,
        label: addressLabel(
          landlord.street ?? '',
          landlord.houseNumber ?? '',
          landlord.postcode ?? '',
          landlord.city,
        ),
      });
    const register = registerKey(landlord.registerNumber);
    if (register)
      registers.push({ landlord, key: register, label: landlord.registerNumber!.trim() });
    const seen = new Set<string>();
    for (const name of landlord.directors) {
      const key = personKey(name);
      if (key && !seen.has(key)) directors.push({ landlord, key, label: name.trim() });
      if (key) seen.add(key);
    }
  }

  const managesOthers = new Set(managements.map((m) => m.managerId));
  const addressGroups = groupBy(addresses);
  const atAddress = new Map<string, number>();
  for (const group of addressGroups)
    for (const { landlord } of group) atAddress.set(landlord.id, group.length);
  const isManager = (landlord: NetworkLandlord) =>
    isPropertyManager({
      kind: landlord.kind,
      managesOthersProperties: managesOthers.has(landlord.id),
      landlordsAtAddress: atAddress.get(landlord.id) ?? 0,
    });

  for (const group of addressGroups) {
    const anyManager = group.some(({ landlord }) => isManager(landlord));
    for (const [x, y] of pairsOf(group)) {
      const [xm, ym] = [isManager(x.landlord), isManager(y.landlord)];
      if (xm && ym) links.push(link('address', 'address', x.landlord.id, y.landlord.id, x.label));
      else if (xm) links.push(link('managed_by', 'address', y.landlord.id, x.landlord.id, x.label));
      else if (ym) links.push(link('managed_by', 'address', x.landlord.id, y.landlord.id, y.label));
      else if (!anyManager && group.length <= MANAGER_ADDRESS_THRESHOLD)
        links.push(link('address', 'address', x.landlord.id, y.landlord.id, x.label));
    }
  }
  for (const [kind, keyed] of [
    ['register', registers],
    ['director', directors],
  ] as const) {
    for (const group of groupBy(keyed)) {
      if (group.length > COMMON_KEY_LIMIT) continue;
      for (const [x, y] of pairsOf(group))
        links.push(link(kind, kind, x.landlord.id, y.landlord.id, x.label));
    }
  }
  for (const m of managements) {
    if (m.managerId === m.ownerId) continue;
    links.push(link('managed_by', 'ownership', m.ownerId, m.managerId, String(m.properties)));
  }
  return links.filter(
    (l) => l.kind === 'managed_by' || !split.has(pairKey(l.landlordAId, l.landlordBId)),
  );
}

/**
 * The networks: connected components of two or more landlords over the network links (never
 * `managed_by`), without the split pairs' links. Each landlord maps to its network's id, the
 * lowest landlord id in it; a landlord alone is in no network.
 */
export function networksOf(
  links: Array<Pick<LandlordLink, 'landlordAId' | 'landlordBId' | 'kind'>>,
  splits: SplitPair[] = [],
): Map<string, string> {
  const split = new Set(splits.map(([a, b]) => pairKey(a, b)));
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let node = id; node !== root;) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const l of links) {
    if (l.kind === 'managed_by' || split.has(pairKey(l.landlordAId, l.landlordBId))) continue;
    for (const id of [l.landlordAId, l.landlordBId]) if (!parent.has(id)) parent.set(id, id);
    const [ra, rb] = [find(l.landlordAId), find(l.landlordBId)];
    // The lower id is the root, so the root is the network's id.
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  }
  const networks = new Map<string, string>();
  for (const id of parent.keys()) networks.set(id, find(id));
  return networks;
}
