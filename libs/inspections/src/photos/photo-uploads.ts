import { HttpException, HttpStatus, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server, type Upload } from '@tus/server';
import { isUUID } from 'class-validator';
import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  APP_CONFIG,
  AppConfig,
  FieldError,
  NotFoundProblem,
  Problem,
  ValidationProblem,
} from '@hausakte/platform';
import { cleanFilename } from './photo-content';
import { PhotosService } from './photos.service';

/** The tus server's answer, for the HTTP layer to send. */
export interface TusAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A hook's refusal in the shape tus answers with; the problem itself travels beside it. */
class TusRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(body);
  }
}

const TUS_CONTENT_TYPE = 'application/offset+octet-stream';

/** Where the uploads in progress live unless PHOTO_UPLOAD_DIR says otherwise. */
export function photoUploadDir(config: AppConfig): string {
  return config.PHOTO_UPLOAD_DIR ?? join(config.PHOTO_STORAGE_DIR, 'uploads');
}

/**
 * The tus server for photo evidence (`@tus/server` with `@tus/file-store`). The HTTP layer hands
 * each request over with the signed-in uploader; this class checks the metadata (`photoId`,
 * `defectId`: UUIDs; `filename` optional), keeps each upload to the user who began it, and
 * when the last byte arrives lets PhotosService judge and store the photo. Whatever the outcome,
 * the upload itself is then removed: a refused file leaves nothing behind.
 *
 * Upload ids are tus's own random ids, not the photo id, so concurrent repeats of one photo
 * never share an upload; the photo id decides at the end. Errors reach the client as
 * problem+json: refusals keep their problem, tus's own errors become one.
 */
@Injectable()
export class PhotoUploads implements OnModuleInit {
  private store!: FileStore;
  private server!: Server;
  /** Who sends each request being handled (a guard authenticated them). */
  private readonly uploaders = new WeakMap<Request, string>();
  /** Why a hook refused a request, to answer with that problem rather than tus's text. */
  private readonly refusals = new WeakMap<Request, Error>();
  /** Uploads whose last byte has arrived and which are being checked right now. */
  private readonly finishing = new Set<string>();

  constructor(
    private readonly photos: PhotosService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const directory = photoUploadDir(this.config);
    mkdirSync(directory, { recursive: true });
    this.store = new FileStore({
      directory,
      expirationPeriodInMilliseconds: this.config.PHOTO_UPLOAD_EXPIRY_HOURS * 3600_000,
    });
    this.server = new Server({
      // Only tus's default Location would use it; generateUrl answers below the request's path.
      path: '/uploads/photos',
      datastore: this.store,
      maxSize: this.config.PHOTO_MAX_BYTES,
      generateUrl: (req, { id }) => `${new URL(req.url).pathname.replace(/\/+$/, '')}/${id}`,
      // Same origin only: no CORS headers.
      allowedOrigins: [],
      disableTerminationForFinishedUploads: true,
      onIncomingRequest: (req, id) => this.checkAccess(req, id),
      onUploadCreate: (req, upload) => this.admit(req, upload),
      onUploadFinish: (req, upload) => this.finish(req, upload),
    });
    // After the answer to the last PATCH (or POST) is written: the upload has served its purpose.
    this.server.on(EVENTS.POST_FINISH, (_req: Request, _res: Response, upload: Upload) => {
      void this.discard(upload.id);
    });
  }

  /** Handles one tus request (POST, HEAD, PATCH, DELETE) of a signed-in uploader. */
  async handle(raw: IncomingMessage, uploaderId: string): Promise<TusAnswer> {
    const request = webRequestOf(raw);
    this.uploaders.set(request, uploaderId);
    const response = await this.server.handleWeb(request);
    const body = await response.text();
    const refusal = this.refusals.get(request);
    if (refusal !== undefined) throw refusal;
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'content-type') headers[name] = value;
    });
    if (response.status >= 400) throw this.tusProblem(response.status, body, headers);
    return { status: response.status, headers, body };
  }

  /** Removes the uploads that were not finished in PHOTO_UPLOAD_EXPIRY_HOURS; returns how many. */
  expireStale(): Promise<number> {
    return this.server.cleanUpExpiredUploads();
  }

  /** tus's own refusals (412, 413, 409 offset, 404, 410, …) as problems. */
  private tusProblem(status: number, text: string, headers: Record<string, string>): Problem {
    if (status === 413) {
      return new Problem(
        status,
        'photo-too-large',
        `A photo may have at most ${this.config.PHOTO_MAX_BYTES} bytes.`,
        { maxBytes: this.config.PHOTO_MAX_BYTES },
        headers,
      );
    }
    return new Problem(
      status,
      'upload',
      text.trim() || 'The upload request was refused.',
      {},
      headers,
    );
  }

  private refuse(req: Request, problem: unknown): never {
    const error = problem instanceof Error ? problem : new Error(String(problem));
    this.refusals.set(req, error);
    throw new TusRefusal(error instanceof HttpException ? error.getStatus() : 500, error.message);
  }

  /** An upload is the business of the user who began it; others learn nothing of it. */
  private async checkAccess(req: Request, id: string): Promise<void> {
    if (req.method === 'POST') return;
    let upload: Upload;
    try {
      upload = await this.store.getUpload(id);
    } catch {
      return; // tus answers 404 or 410 itself
    }
    if (upload.metadata?.uploadedBy !== this.uploaders.get(req)) {
      this.refuse(req, new NotFoundProblem('Upload'));
    }
    if (this.finishing.has(id)) {
      this.refuse(
        req,
        new Problem(HttpStatus.LOCKED, 'upload-busy', 'The upload is being checked; ask again.'),
      );
    }
    if (upload.size !== undefined && upload.offset === upload.size) {
      // Complete but never judged (the server stopped in between): have the client start again,
      // rather than let it believe a HEAD that reports every byte received.
      await this.discard(id);
      this.refuse(req, new NotFoundProblem('Upload'));
    }
  }

  private admit(req: Request, upload: Upload): Promise<{ metadata: Upload['metadata'] }> {
    const metadata = upload.metadata ?? {};
    const errors: FieldError[] = [];
    const uuid = (field: 'photoId' | 'defectId') => {
      const value = metadata[field];
      if (typeof value === 'string' && isUUID(value)) return value.toLowerCase();
      errors.push({ field, message: 'must be a UUID (in Upload-Metadata)' });
      return '';
    };
    const photoId = uuid('photoId');
    const defectId = uuid('defectId');
    if (upload.sizeIsDeferred) {
      errors.push({ field: 'Upload-Length', message: 'is required: a photo’s size is known' });
    }
    if (errors.length > 0) this.refuse(req, new ValidationProblem(errors));
    const filename = cleanFilename(metadata.filename);
    return Promise.resolve({
      metadata: {
        photoId,
        defectId,
        ...(filename ? { filename } : {}),
        uploadedBy: this.uploaders.get(req) ?? null,
      },
    });
  }

  private async finish(req: Request, upload: Upload): Promise<Record<string, never>> {
    const metadata = upload.metadata ?? {};
    this.finishing.add(upload.id);
    try {
      await this.photos.accept({
        file: upload.storage?.path ?? join(this.store.directory, upload.id),
        photoId: metadata.photoId ?? '',
        defectId: metadata.defectId ?? '',
        uploaderId: metadata.uploadedBy ?? '',
        filename: metadata.filename ?? null,
      });
      return {};
    } catch (error) {
      await this.discard(upload.id);
      this.refuse(req, error);
    } finally {
      this.finishing.delete(upload.id);
    }
  }

  /** Removes an upload and its info file; one already gone is fine. */
  private async discard(id: string): Promise<void> {
    try {
      await this.store.remove(id);
    } catch {
      await this.store.configstore.delete(id).catch(() => undefined);
    }
  }
}

/**
 * The Node request as the web Request tus handles. The body stays the raw stream (Fastify's
 * parser for `application/offset+octet-stream` leaves it unread); tus reads it only for PATCH
 * or a POST that carries data.
 */
function webRequestOf(raw: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      headers.append(name, item);
    }
  }
  const method = raw.method ?? 'GET';
  const carriesData =
    (method === 'PATCH' || method === 'POST') && headers.get('content-type') === TUS_CONTENT_TYPE;
  const request = new Request(`http://localhost${(raw.url ?? '/').split('?')[0]}`, {
    method,
    headers,
    body: carriesData ? (Readable.toWeb(raw) as ReadableStream<Uint8Array>) : null,
    duplex: 'half',
  });
  // tus listens for the connection's errors through srvx's `runtime.node.req`.
  return Object.assign(request, { runtime: { name: 'node', node: { req: raw } } });
}
