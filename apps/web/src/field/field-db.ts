// The field app's IndexedDB (through `idb`): the day's work fetched ahead, the drafts being
// recorded, the photos taken, and the outbox of commands waiting for the api. Every action is
// written here first; field-sync.ts sends it on when the api can be reached.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type {
  CatalogueItem,
  DayRoute,
  Defect,
  InspectionDetail,
  Ownership,
  Property,
  Severity,
  TimelineEntry,
  Unit,
  User,
} from '../api';
import type { CompletionCommand, Refusal } from './field-refusal';

/** A property as the field app shows it offline: the card of one stop. */
export interface PropertyCard {
  id: string;
  property: Property;
  /** Current ownerships only: who the city addresses (names and roles, no contact data). */
  ownerships: Ownership[];
  timeline: TimelineEntry[];
  /** The newest photos of the open defects, as preview images. */
  photos: Array<{ id: string; defectId: string; blob: Blob }>;
}

export interface DraftFinding {
  id: string;
  catalogueItemId: string;
  unitId: string;
  room: string;
  severity: Severity;
  severityReason: string;
  description: string;
  photoIds: string[];
}

export interface DraftOccupancy {
  unitId: string;
  adults: string;
  children: string;
  registered: string;
  area: string;
  unitKind: 'flat' | 'single_room';
  shared: boolean;
  worker: boolean;
}

export interface Draft {
  inspectionId: string;
  userId: string;
  outcome: 'done' | 'no_access';
  noAccessReason: string;
  notes: string;
  findings: DraftFinding[];
  /** The finding being written (its photos are stored already). */
  editing: DraftFinding | null;
  occupancy: DraftOccupancy[];
  checks: Record<string, 'remedied' | 'not_remedied' | ''>;
  /** Set when the inspector finished it: the command is in the outbox. */
  submittedAt: string | null;
  /** Reopened after the api refused the finished command (absent in drafts of older versions). */
  reopened?: Reopened | null;
  updatedAt: string;
}

export interface Reopened {
  /** The refused command: it leaves the outbox only when this draft is finished again. */
  itemId: string;
  refusal: Refusal;
  /** When the visit ended, as first recorded: finishing the correction does not move it. */
  completedAt: string | null;
  /** Marks (field-refusal.ts `markKey`) of refused fields the inspector has changed since. */
  changed: string[];
}

export interface StoredPhoto {
  id: string;
  defectId: string;
  inspectionId: string;
  blob: Blob;
  name: string;
  type: string;
  /** The tus upload (Location) once created: a later try resumes it (HEAD, then PATCH). */
  uploadUrl: string | null;
}

export type OutboxState = 'waiting' | 'sending' | 'failed' | 'conflict' | 'done';

interface OutboxBase {
  id: string;
  userId: string;
  createdAt: string;
  state: OutboxState;
  /** Why it is waiting or failed (the server's words, or the network's). */
  reason: string | null;
  attempts: number;
  /** While sending a photo: bytes the server has. */
  progress: { sent: number; total: number } | null;
  /** A refusal (4xx): the server's words and the fields it named. */
  refusal?: Refusal | null;
  /** A refused completion or defect change the inspector reopened to correct. */
  reopenedAt?: string | null;
  updatedAt: string;
}

export interface CompleteItem extends OutboxBase {
  kind: 'complete';
  inspectionId: string;
  label: string;
  idempotencyKey: string;
  body: unknown;
}

export interface PhotoItem extends OutboxBase {
  kind: 'photo';
  inspectionId: string;
  photoId: string;
  label: string;
}

export interface DefectChanges {
  description?: string;
  severity?: Severity;
  severityReason?: string;
}

export interface DefectItem extends OutboxBase {
  kind: 'defect';
  defectId: string;
  /** The inspection whose property card the change was made on (absent in older entries). */
  inspectionId?: string;
  label: string;
  /** The version the change was made on: sent as If-Match. */
  baseVersion: number;
  changes: DefectChanges;
  /** A 412's current record, until the inspector chooses. */
  theirs: Defect | null;
  resolution: 'mine' | 'theirs' | null;
}

export type OutboxItem = CompleteItem | PhotoItem | DefectItem;

interface FieldSchema extends DBSchema {
  meta: { key: string; value: unknown };
  inspections: { key: string; value: InspectionDetail };
  properties: { key: string; value: PropertyCard };
  drafts: { key: string; value: Draft };
  photos: { key: string; value: StoredPhoto };
  outbox: { key: string; value: OutboxItem };
}

export interface DayMeta {
  date: string;
  userId: string;
  route: DayRoute;
  fetchedAt: string;
}

let opening: Promise<IDBPDatabase<FieldSchema>> | undefined;

export function fieldDb(): Promise<IDBPDatabase<FieldSchema>> {
  opening ??= openDB<FieldSchema>('hausakte-field', 1, {
    upgrade(db) {
      db.createObjectStore('meta');
      db.createObjectStore('inspections', { keyPath: 'id' });
      db.createObjectStore('properties', { keyPath: 'id' });
      db.createObjectStore('drafts', { keyPath: 'inspectionId' });
      db.createObjectStore('photos', { keyPath: 'id' });
      db.createObjectStore('outbox', { keyPath: 'id' });
    },
  });
  return opening;
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await (await fieldDb()).get('meta', key)) as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await (await fieldDb()).put('meta', value, key);
}

export const cachedUser = (): Promise<User | undefined> => getMeta<User>('user');
export const cachedDay = (): Promise<DayMeta | undefined> => getMeta<DayMeta>('day');
export const cachedCatalogue = (): Promise<CatalogueItem[] | undefined> =>
  getMeta<CatalogueItem[]>('catalogue');

export async function cachedInspection(id: string): Promise<InspectionDetail | undefined> {
  return (await fieldDb()).get('inspections', id);
}

export async function cachedProperty(id: string): Promise<PropertyCard | undefined> {
  return (await fieldDb()).get('properties', id);
}

export async function loadDraft(inspectionId: string): Promise<Draft | undefined> {
  return (await fieldDb()).get('drafts', inspectionId);
}

export async function saveDraft(draft: Draft): Promise<void> {
  await (await fieldDb()).put('drafts', { ...draft, updatedAt: new Date().toISOString() });
}

export async function savePhoto(photo: StoredPhoto): Promise<void> {
  await (await fieldDb()).put('photos', photo);
}

export async function loadPhoto(id: string): Promise<StoredPhoto | undefined> {
  return (await fieldDb()).get('photos', id);
}

export async function deletePhoto(id: string): Promise<void> {
  await (await fieldDb()).delete('photos', id);
}

export async function outboxItems(): Promise<OutboxItem[]> {
  const items = await (await fieldDb()).getAll('outbox');
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export async function putOutbox(item: OutboxItem): Promise<void> {
  await (await fieldDb()).put('outbox', { ...item, updatedAt: new Date().toISOString() });
}

export async function removeOutbox(id: string): Promise<void> {
  await (await fieldDb()).delete('outbox', id);
}

/**
 * The server keeps a photo that no defect claims for a week (photo-retention.ts,
 * UNATTACHED_PHOTO_DAYS); a correction finished later than this sends its photos again, which
 * stores nothing new while the server still has them (same id and SHA-256).
 */
const uploadTrustedForMs = 5 * 86_400_000;

/**
 * The finished inspection's command and its photos enter the outbox in one transaction. A photo
 * with an entry of its own already (sent or still waiting, from the first time this draft was
 * finished) gets no second one; entries of photos the correction removed go; `replaces`, the
 * refused command the draft was reopened from, goes too.
 */
export async function submitDraft(
  draft: Draft,
  items: OutboxItem[],
  replaces: string | null = null,
): Promise<void> {
  const db = await fieldDb();
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const photoItems = (await outbox.getAll()).filter(
    (item): item is PhotoItem =>
      item.kind === 'photo' &&
      item.inspectionId === draft.inspectionId &&
      item.userId === draft.userId,
  );
  const trustedSince = new Date(Date.now() - uploadTrustedForMs).toISOString();
  const queued = new Set(
    photoItems
      .filter((item) => item.state !== 'done' || item.updatedAt >= trustedSince)
      .map((item) => item.photoId),
  );
  const kept = new Set(items.flatMap((item) => (item.kind === 'photo' ? [item.photoId] : [])));
  for (const item of photoItems) {
    if (!kept.has(item.photoId) && (item.state === 'waiting' || item.state === 'failed')) {
      await outbox.delete(item.id);
    }
  }
  if (replaces !== null) await outbox.delete(replaces);
  for (const item of items) {
    if (item.kind === 'photo' && queued.has(item.photoId)) continue;
    await outbox.put(item);
  }
  await tx.objectStore('drafts').put(draft);
  await tx.done;
}

/**
 * A refused completion back into an editable draft, in one transaction: the draft (kept on the
 * device since it was finished; rebuilt from the command if it is gone) loses its `submittedAt`
 * and remembers the refusal; the refused command stays in the outbox, marked reopened, until
 * the draft is finished again, so closing the app in between loses nothing.
 */
export async function reopenCompletion(itemId: string): Promise<CompleteItem | undefined> {
  const db = await fieldDb();
  const tx = db.transaction(['drafts', 'outbox', 'photos'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const item = await outbox.get(itemId);
  if (item?.kind !== 'complete' || item.state !== 'failed') {
    await tx.done;
    return undefined;
  }
  const command = item.body as CompletionCommand;
  const stored = await tx.objectStore('drafts').get(item.inspectionId);
  let draft: Draft;
  if (stored && stored.userId === item.userId) {
    draft = stored;
  } else {
    const photoItems = (await outbox.getAll()).filter(
      (entry): entry is PhotoItem =>
        entry.kind === 'photo' && entry.inspectionId === item.inspectionId,
    );
    const photos: StoredPhoto[] = [];
    for (const entry of photoItems) {
      const photo = await tx.objectStore('photos').get(entry.photoId);
      if (photo) photos.push(photo);
    }
    draft = draftFromCommand(item, command, photos);
  }
  const now = new Date().toISOString();
  const refusal = item.refusal ?? {
    status: 0,
    detail: item.reason ?? '',
    fields: [],
    inspectionStatus: null,
  };
  const reopened: Draft = {
    ...draft,
    submittedAt: null,
    editing: null,
    reopened: {
      itemId: item.id,
      refusal,
      completedAt: command.completedAt ?? draft.submittedAt,
      changed: [],
    },
    updatedAt: now,
  };
  const marked: CompleteItem = { ...item, reopenedAt: now, updatedAt: now };
  await tx.objectStore('drafts').put(reopened);
  await outbox.put(marked);
  await tx.done;
  return marked;
}

/** A draft as the command recorded it, for a device that no longer has the draft itself. */
function draftFromCommand(
  item: CompleteItem,
  command: CompletionCommand,
  photos: StoredPhoto[],
): Draft {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    inspectionId: item.inspectionId,
    userId: item.userId,
    outcome: command.outcome,
    noAccessReason: command.noAccessReason ?? '',
    notes: command.notes ?? '',
    findings: command.findings.map((finding) => ({
      id: finding.id,
      catalogueItemId: finding.catalogueItemId,
      unitId: finding.unitId ?? '',
      room: finding.room ?? '',
      severity: finding.severity ?? 'B',
      severityReason: finding.severityReason ?? '',
      description: finding.description,
      photoIds: photos.filter((photo) => photo.defectId === finding.id).map((photo) => photo.id),
    })),
    editing: null,
    occupancy: command.occupancy.map((count) => ({
      unitId: count.unitId,
      adults: text(count.adultsFound),
      children: text(count.childrenUnderSixFound),
      registered: text(count.personsRegistered),
      area: text(count.livingAreaM2),
      unitKind: count.unitKind,
      shared: count.sharedAncillaryRooms,
      worker: count.workerHousing,
    })),
    checks: Object.fromEntries(command.checks.map((check) => [check.defectId, check.result])),
    submittedAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/**
 * Gives up a refused completion (the office cancelled the visit): the command, its photos' unsent
 * entries, the draft and the photos leave the device. Sent entries stay listed.
 */
export async function discardCompletion(item: CompleteItem): Promise<void> {
  const db = await fieldDb();
  const tx = db.transaction(['drafts', 'outbox', 'photos'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  for (const entry of await outbox.getAll()) {
    const belongs =
      entry.id === item.id ||
      (entry.kind === 'photo' &&
        entry.inspectionId === item.inspectionId &&
        entry.userId === item.userId &&
        entry.state !== 'done');
    if (belongs) await outbox.delete(entry.id);
  }
  const draft = await tx.objectStore('drafts').get(item.inspectionId);
  if (draft?.userId === item.userId) await tx.objectStore('drafts').delete(item.inspectionId);
  const photos = tx.objectStore('photos');
  for (const photo of await photos.getAll()) {
    if (photo.inspectionId === item.inspectionId) await photos.delete(photo.id);
  }
  await tx.done;
}

/** The units of the inspection's property, as cached (for naming refused occupancy counts). */
export async function cachedUnitsOf(inspectionId: string): Promise<Unit[]> {
  const inspection = await cachedInspection(inspectionId);
  const card = inspection ? await cachedProperty(inspection.propertyId) : undefined;
  return card?.property.buildings.flatMap((building) => building.units) ?? [];
}

/** The cached inspection whose property card lists this open defect. */
export async function inspectionOfDefect(defectId: string): Promise<string | undefined> {
  const inspections = await (await fieldDb()).getAll('inspections');
  return inspections.find((inspection) =>
    inspection.openDefects.some((defect) => defect.id === defectId),
  )?.id;
}

/** Replaces the defect in every cached inspection that lists it (after a change was settled). */
export async function updateCachedDefect(defect: Defect): Promise<void> {
  const db = await fieldDb();
  const tx = db.transaction('inspections', 'readwrite');
  for (const inspection of await tx.store.getAll()) {
    if (!inspection.openDefects.some((item) => item.id === defect.id)) continue;
    await tx.store.put({
      ...inspection,
      openDefects: inspection.openDefects.map((item) => (item.id === defect.id ? defect : item)),
    });
  }
  await tx.done;
}

/**
 * Stores the day's work and removes what the day no longer needs (other days' inspections and
 * properties), unless a draft or an unsent command still refers to them.
 */
export async function storeDay(
  day: DayMeta,
  inspections: InspectionDetail[],
  cards: PropertyCard[],
  catalogue: CatalogueItem[],
): Promise<void> {
  const db = await fieldDb();
  const tx = db.transaction(
    ['meta', 'inspections', 'properties', 'drafts', 'photos', 'outbox'],
    'readwrite',
  );
  const drafts = await tx.objectStore('drafts').getAll();
  const outbox = await tx.objectStore('outbox').getAll();
  const pending = outbox.filter((item) => item.state !== 'done');
  const keepInspections = new Set([
    ...inspections.map((item) => item.id),
    ...drafts.filter((draft) => draft.submittedAt === null).map((draft) => draft.inspectionId),
    ...pending.flatMap((item) => (item.kind === 'defect' ? [] : [item.inspectionId])),
  ]);
  const inspectionStore = tx.objectStore('inspections');
  const kept: InspectionDetail[] = [];
  for (const old of await inspectionStore.getAll()) {
    if (keepInspections.has(old.id)) kept.push(old);
    else await inspectionStore.delete(old.id);
  }
  for (const inspection of inspections) await inspectionStore.put(inspection);
  const keepProperties = new Set([
    ...cards.map((card) => card.id),
    ...kept.map((inspection) => inspection.propertyId),
  ]);
  const propertyStore = tx.objectStore('properties');
  for (const key of await propertyStore.getAllKeys()) {
    if (!keepProperties.has(key)) await propertyStore.delete(key);
  }
  for (const card of cards) await propertyStore.put(card);
  // Sent work of other days leaves the device: its drafts and photos, and done entries after a week.
  for (const draft of drafts) {
    if (!keepInspections.has(draft.inspectionId)) {
      await tx.objectStore('drafts').delete(draft.inspectionId);
    }
  }
  const photoStore = tx.objectStore('photos');
  for (const photo of await photoStore.getAll()) {
    if (!keepInspections.has(photo.inspectionId)) await photoStore.delete(photo.id);
  }
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
  for (const item of outbox) {
    if (item.state === 'done' && item.updatedAt < weekAgo) {
      await tx.objectStore('outbox').delete(item.id);
    }
  }
  await tx.objectStore('meta').put(catalogue, 'catalogue');
  await tx.objectStore('meta').put(day, 'day');
  await tx.done;
}

/**
 * Signing out on this device: nothing of the day's personal data stays behind, except work not
 * yet on the server (unsent commands, and inspections being recorded, with their photos).
 */
export async function clearFieldData(): Promise<void> {
  const db = await fieldDb();
  const pending =
    (await db.getAll('outbox')).some((item) => item.state !== 'done') ||
    (await db.getAll('drafts')).some((draft) => draft.submittedAt === null);
  const stores = pending
    ? (['meta', 'inspections', 'properties'] as const)
    : (['meta', 'inspections', 'properties', 'drafts', 'photos', 'outbox'] as const);
  for (const store of stores) await db.clear(store);
}
