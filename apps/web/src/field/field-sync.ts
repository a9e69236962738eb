// Sends the outbox (field-db.ts) to the api, in the order it was written, with the same contract
// as the office forms: the completion command with its Idempotency-Key and client-made finding
// ids, photos by tus resuming from the server's offset, defect changes with If-Match. A network
// failure leaves an item waiting (and the next try comes by itself); a refusal marks it failed
// with the server's reason and the fields it named, for the inspector to reopen, correct and
// finish again, or to discard; a 412 keeps both versions for the inspector to choose; a 401 keeps
// everything waiting until the inspector has signed in again. Nothing is dropped unasked: an
// item leaves the list when it is done, replaced by its correction, or discarded.
import { Upload } from 'tus-js-client';
import {
  api,
  ApiError,
  currentOf,
  etagOf,
  photoUploadEndpoint,
  request,
  type CompleteInspectionInput,
  type Defect,
} from '../api';
import {
  cachedUnitsOf,
  discardCompletion,
  inspectionOfDefect,
  loadPhoto,
  outboxItems,
  putOutbox,
  removeOutbox,
  reopenCompletion,
  savePhoto,
  updateCachedDefect,
  type CompleteItem,
  type DefectItem,
  type OutboxItem,
  type PhotoItem,
  type StoredPhoto,
} from './field-db';
import {
  completionTarget,
  defectTarget,
  refusalFrom,
  type CompletionCommand,
  type FieldTarget,
  type Refusal,
} from './field-refusal';

export interface SyncSnapshot {
  items: OutboxItem[];
  running: boolean;
  /** When the next automatic try is due (ms since epoch), while something waits. */
  nextTryAt: number | null;
  /** The last attempt reached the api. */
  reachable: boolean | null;
}

/** A try that did not reach the api (no answer, or a 5xx / 429 that asks to come back). */
class Unreachable extends Error {}

const listeners = new Set<() => void>();
let snapshot: SyncSnapshot = { items: [], running: false, nextTryAt: null, reachable: null };
let userId: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let delayMs = 2_000;
const maxDelayMs = 30_000;
let again = false;
let listening = false;
/** After a 401 nothing is tried until the inspector has signed in again (startSync). */
let signedOut = false;
let sessionExpired: () => void = () => undefined;

/** What to do when the api answers 401 (the session ended): the app asks to sign in again. */
export function onSessionExpired(handler: () => void): void {
  sessionExpired = handler;
}

function publish(next: Partial<SyncSnapshot>): void {
  snapshot = { ...snapshot, ...next };
  listeners.forEach((listener) => listener());
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const syncSnapshot = (): SyncSnapshot => snapshot;

/** Loads the outbox and starts sending for this user. */
export async function startSync(user: string): Promise<void> {
  userId = user;
  signedOut = false;
  await refresh();
  if (!listening) {
    listening = true;
    window.addEventListener('online', () => void syncNow());
  }
  void syncNow();
}

async function refresh(): Promise<OutboxItem[]> {
  const items = await outboxItems();
  publish({ items });
  return items;
}

async function update(item: OutboxItem): Promise<void> {
  await putOutbox(item);
  await refresh();
}

/** Sends what waits now (and again after a failure, by itself, with growing pauses). */
export async function syncNow(): Promise<void> {
  if (userId === null || signedOut) return;
  if (snapshot.running) {
    again = true;
    return;
  }
  clearTimeout(timer);
  publish({ running: true, nextTryAt: null });
  let unreachable = false;
  try {
    await oneTabAtATime(async () => {
      do {
        again = false;
        // Read afresh: another tab may have sent some of it while this one waited for the lock.
        const items = await refresh();
        for (const item of items) {
          if (item.userId !== userId || (item.state !== 'waiting' && item.state !== 'sending')) {
            continue;
          }
          try {
            await send(item);
            publish({ reachable: true });
          } catch (error) {
            if (error instanceof Unreachable) {
              unreachable = true;
              break;
            }
            throw error;
          }
        }
      } while (again && !unreachable);
    });
  } finally {
    const waiting = snapshot.items.some(
      (item) => item.userId === userId && (item.state === 'waiting' || item.state === 'sending'),
    );
    if (unreachable) publish({ reachable: false });
    delayMs = unreachable ? Math.min(delayMs * 2, maxDelayMs) : 2_000;
    const retry = waiting && !signedOut;
    const nextTryAt = retry ? Date.now() + delayMs : null;
    if (retry) timer = setTimeout(() => void syncNow(), delayMs);
    publish({ running: false, nextTryAt });
  }
}

/**
 * Two tabs of the field app share one outbox: without this lock both would send the same defect
 * change, and the second, finding the version moved on by the first, would show the inspector a
 * conflict with their own edit. The Web Locks API exists in secure contexts only, as the service
 * worker does; elsewhere one tab is all there is to expect.
 */
async function oneTabAtATime(work: () => Promise<void>): Promise<void> {
  if ('locks' in navigator) await navigator.locks.request('hausakte-field-sync', work);
  else await work();
}

/**
 * Queues an edit of a defect. An edit of the same defect still waiting (offline) is replaced by
 * this one, which the form computed against the same cached record: two entries would carry the
 * same old version, and the second would meet the first as a conflict. Under the sync lock, so
 * no tab is sending the waiting entry meanwhile.
 */
export async function queueDefectEdit(edit: DefectItem, replaces?: string): Promise<void> {
  await oneTabAtATime(async () => {
    // The refused change this one corrects (see reopenRefused).
    if (replaces !== undefined) await removeOutbox(replaces);
    const waiting = (await outboxItems()).find(
      (item): item is DefectItem =>
        item.kind === 'defect' &&
        item.defectId === edit.defectId &&
        item.userId === edit.userId &&
        (item.state === 'waiting' || item.state === 'sending'),
    );
    await putOutbox(
      waiting ? { ...waiting, state: 'waiting', reason: null, changes: edit.changes } : edit,
    );
  });
  await refresh();
  await syncNow();
}

/** After a refusal: the inspector asks to send it again. */
export async function retryItem(item: OutboxItem): Promise<void> {
  await update({ ...item, state: 'waiting', reason: null, refusal: null, reopenedAt: null });
  await syncNow();
}

/**
 * A refused completion or defect change, reopened for correction: a completion goes back into
 * its draft (field-db.ts `reopenCompletion`), a defect change into the property card's editor.
 * The refused item stays until the correction is saved. Answers the inspection to open.
 */
export async function reopenRefused(item: CompleteItem | DefectItem): Promise<string | undefined> {
  if (item.kind === 'complete') {
    const reopened = await reopenCompletion(item.id);
    await refresh();
    return reopened?.inspectionId;
  }
  const inspectionId = item.inspectionId ?? (await inspectionOfDefect(item.defectId));
  await update({ ...item, reopenedAt: new Date().toISOString() });
  return inspectionId;
}

/** A reopened defect change the inspector closed without saving: it is listed as refused again. */
export async function closeReopened(item: DefectItem): Promise<void> {
  await update({ ...item, reopenedAt: null });
}

/**
 * Gives up a refused item (after the inspector confirmed it): a completion with its draft, photos
 * and unsent photo entries; a defect change alone. Under the sync lock, so that no upload of one
 * of its photos finishes afterwards and writes its entry back.
 */
export async function discardRefused(item: CompleteItem | DefectItem): Promise<void> {
  await oneTabAtATime(async () => {
    if (item.kind === 'complete') await discardCompletion(item);
    else await removeOutbox(item.id);
  });
  await refresh();
}

/** A 412: keep mine (send again on the current version) or take theirs. */
export async function resolveConflict(item: DefectItem, choice: 'mine' | 'theirs'): Promise<void> {
  if (!item.theirs) return;
  if (choice === 'theirs') {
    await updateCachedDefect(item.theirs);
    await update({ ...item, state: 'done', resolution: 'theirs', reason: null });
    return;
  }
  await update({
    ...item,
    state: 'waiting',
    baseVersion: item.theirs.version,
    resolution: 'mine',
    reason: null,
  });
  await syncNow();
}

async function send(waiting: OutboxItem): Promise<void> {
  const item = { ...waiting, state: 'sending' as const, attempts: waiting.attempts + 1 };
  await update(item);
  try {
    switch (item.kind) {
      case 'complete':
        await api.completeInspection(
          item.inspectionId,
          item.body as CompleteInspectionInput,
          item.idempotencyKey,
        );
        break;
      case 'photo':
        await sendPhoto(item);
        break;
      case 'defect':
        await sendDefect(item);
        return;
    }
    await update({ ...item, state: 'done', reason: null, progress: null });
  } catch (error) {
    await settleFailure(item, error);
  }
}

async function settleFailure(item: OutboxItem, error: unknown): Promise<void> {
  const status = error instanceof ApiError ? error.status : statusOf(error);
  const reason = reasonOf(error);
  if (status === 401) {
    // Kept as it is; sent once the inspector has signed in again (startSync).
    signedOut = true;
    await update({ ...item, state: 'waiting', reason: 'signedOut', progress: null });
    sessionExpired();
    throw new Unreachable(reason);
  }
  if (status === 0 || status === 429 || status === 423 || status >= 500) {
    await update({ ...item, state: 'waiting', reason, progress: null });
    throw new Unreachable(reason);
  }
  // A 412 without the current record offers nothing to choose from: it fails with its reason.
  const theirs = error instanceof ApiError ? currentOf<Defect>(error) : undefined;
  if (status === 412 && item.kind === 'defect' && theirs) {
    await update({ ...item, state: 'conflict', theirs, reason });
    return;
  }
  await update({
    ...item,
    state: 'failed',
    reason,
    progress: null,
    refusal: await refusalOf(item, error, status, reason),
    reopenedAt: null,
  });
}

/** The refusal with each named field placed in the draft (units named as the card names them). */
async function refusalOf(
  item: OutboxItem,
  error: unknown,
  status: number,
  reason: string,
): Promise<Refusal> {
  let target: (field: string) => FieldTarget = () => ({ kind: 'other' });
  if (item.kind === 'complete') {
    const labels = new Map(
      (await cachedUnitsOf(item.inspectionId)).map((unit) => [unit.id, unit.label]),
    );
    const command = item.body as CompletionCommand;
    target = (field) => completionTarget(field, command, labels);
  } else if (item.kind === 'defect') {
    target = defectTarget;
  }
  return refusalFrom(
    {
      status,
      detail: reason,
      errors: error instanceof ApiError ? (error.problem?.errors ?? []) : [],
      body: error instanceof ApiError ? error.body : undefined,
    },
    target,
  );
}

async function sendDefect(item: DefectItem): Promise<void> {
  const saved = await request<Defect>('PATCH', `/defects/${encodeURIComponent(item.defectId)}`, {
    body: item.changes,
    headers: { 'If-Match': etagOf(item.baseVersion) },
  });
  await updateCachedDefect(saved);
  await update({ ...item, state: 'done', reason: null, theirs: null });
}

/** A tus request that failed: its HTTP status (0: no answer) and the server's words. */
class TusFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function statusOf(error: unknown): number {
  return error instanceof TusFailure ? error.status : 0;
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'network';
    return error.serverText ?? `HTTP ${error.status}`;
  }
  if (error instanceof TusFailure) return error.status === 0 ? 'network' : error.message;
  return String(error);
}

/**
 * One photo by tus: a stored upload URL is resumed (HEAD tells the server's offset, the PATCH
 * sends the rest); without one, or when the server no longer has it, a new upload begins. The
 * photo's client id and SHA-256 make a repeat store nothing new on the server.
 */
async function sendPhoto(item: PhotoItem): Promise<void> {
  const photo = await loadPhoto(item.photoId);
  if (!photo) throw new TusFailure(410, 'The photo is missing on this device.');
  let current: StoredPhoto = photo;
  await new Promise<void>((resolve, reject) => {
    const upload = new Upload(photo.blob, {
      endpoint: photoUploadEndpoint,
      uploadUrl: photo.uploadUrl ?? undefined,
      metadata: {
        photoId: photo.id,
        defectId: photo.defectId,
        filename: photo.name || `${photo.id}.jpg`,
        filetype: photo.type || 'application/octet-stream',
      },
      // A broken connection is tried again at once from the server's offset, then left to the
      // outbox's own pauses.
      retryDelays: [0, 1_000],
      storeFingerprintForResuming: false,
      // 409: the server holds another offset than this request assumed (a cut request that
      // the browser re-sent by itself): a retry asks the server's offset (HEAD) first.
      onShouldRetry: (error) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        return status === 0 || status === 409 || status === 423 || status === 429 || status >= 500;
      },
      onUploadUrlAvailable: () => {
        current = { ...current, uploadUrl: upload.url };
        void savePhoto(current);
      },
      onProgress: (sent, total) => {
        publish({
          items: snapshot.items.map((entry) =>
            entry.id === item.id ? { ...entry, progress: { sent, total } } : entry,
          ),
        });
      },
      onSuccess: () => resolve(),
      onError: (error) => {
        const response = 'originalResponse' in error ? error.originalResponse : null;
        const status = response?.getStatus() ?? 0;
        let message = error.message;
        try {
          const body = JSON.parse(response?.getBody() ?? '') as { detail?: string };
          message = body.detail ?? message;
        } catch {
          // not JSON: tus's own text
        }
        reject(new TusFailure(status, message));
      },
    });
    upload.start();
  });
}
