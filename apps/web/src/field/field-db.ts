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
  User,
} from '../api';

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
  updatedAt: string;
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

/** The finished inspection's command and its photos enter the outbox in one transaction. */
export async function submitDraft(draft: Draft, items: OutboxItem[]): Promise<void> {
  const db = await fieldDb();
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
  await Promise.all([
    tx.objectStore('drafts').put(draft),
    ...items.map((item) => tx.objectStore('outbox').put(item)),
    tx.done,
  ]);
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
