// Photo evidence goes up as resumable tus uploads as soon as it is chosen, before the inspection
// is sent: `photoId` and `defectId` are the client's UUIDs, so the api attaches the photo once
// the finding with that id is recorded. The session cookie authenticates (same origin).
import { Upload, type DetailedError } from 'tus-js-client';
import { photoUploadEndpoint } from './api';

export interface UploadCallbacks {
  onProgress: (sent: number, total: number) => void;
  onSuccess: () => void;
  onError: (error: UploadFailure) => void;
}

export interface UploadFailure {
  /** HTTP status of the last answer; 0 without one (network). */
  status: number;
  message: string;
}

export interface PhotoUploadHandle {
  /** Starts again after a failure; tus resumes where the server's copy ends. */
  retry(): void;
  /** Stops sending (the server removes an unattached upload after a while). */
  abort(): void;
}

const retryDelays = [0, 1_000, 3_000, 5_000, 10_000];

function failureOf(error: Error | DetailedError): UploadFailure {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  const status = response?.getStatus() ?? 0;
  const body = response?.getBody() ?? '';
  let detail: string | undefined;
  try {
    const parsed = JSON.parse(body) as { detail?: unknown; title?: unknown };
    detail =
      typeof parsed.detail === 'string'
        ? parsed.detail
        : typeof parsed.title === 'string'
          ? parsed.title
          : undefined;
  } catch {
    detail = body.trim() || undefined;
  }
  return { status, message: detail ?? error.message };
}

export function uploadPhoto(
  file: File,
  ids: { photoId: string; defectId: string },
  callbacks: UploadCallbacks,
): PhotoUploadHandle {
  const upload = new Upload(file, {
    endpoint: photoUploadEndpoint,
    metadata: {
      photoId: ids.photoId,
      defectId: ids.defectId,
      filename: file.name || `${ids.photoId}.jpg`,
      filetype: file.type || 'application/octet-stream',
    },
    retryDelays,
    // A form that is reloaded starts afresh; nothing to resume from storage.
    storeFingerprintForResuming: false,
    // Client errors (too large, not an image, forbidden) do not get better by retrying.
    onShouldRetry: (error) => {
      const status = error.originalResponse?.getStatus() ?? 0;
      return status === 0 || status === 409 || status === 423 || status === 429 || status >= 500;
    },
    onProgress: (sent, total) => callbacks.onProgress(sent, total),
    onSuccess: () => callbacks.onSuccess(),
    onError: (error) => callbacks.onError(failureOf(error)),
  });
  upload.start();
  return {
    retry: () => upload.start(),
    abort: () => void upload.abort(),
  };
}
