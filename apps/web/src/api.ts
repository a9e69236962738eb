// A small typed client for the Hausakte API (/api/v1). The browser relies on the httpOnly
// session cookie the api sets at sign-in; the bearer token in the login answer is ignored.

export const roles = ['inspector', 'officer', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: User;
}

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem+json body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

/** A request that got an error answer (`status` > 0) or none at all (`status` 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    /** Seconds from a `Retry-After` header, when the answer had one. */
    readonly retryAfterSeconds: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      problem?.detail ?? problem?.title ?? (status ? `HTTP ${status}` : 'Network error'),
      options,
    );
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** The server's own words: detail first, then title. */
  get serverText(): string | undefined {
    return this.problem?.detail ?? this.problem?.title;
  }
}

const base = '/api/v1';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item): FieldError[] =>
    isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string'
      ? [{ field: item.field, message: item.message }]
      : [],
  );
}

/** Reads a problem+json body; tolerates other error bodies by keeping what it understands. */
export function parseProblem(body: unknown, status: number): Problem | undefined {
  if (!isRecord(body)) return undefined;
  return {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' ? body.title : '',
    status: typeof body.status === 'number' ? body.status : status,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors: parseFieldErrors(body.errors),
  };
}

/** `Retry-After` is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!/[/+]json\b/.test(type)) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(base + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, undefined, undefined, { cause: error });
  }
  if (!response.ok) {
    const body = await readJson(response);
    throw new ApiError(
      response.status,
      parseProblem(body, response.status),
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  if (response.status === 204) return undefined as T;
  return (await readJson(response)) as T;
}

export const api = {
  /** The signed-in user, or null without a valid session (401). */
  async me(signal?: AbortSignal): Promise<User | null> {
    try {
      return await request<User>('GET', '/auth/me', { signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  login(email: string, password: string): Promise<LoginResponse> {
    return request<LoginResponse>('POST', '/auth/login', { body: { email, password } });
  },

  logout(): Promise<void> {
    return request<void>('POST', '/auth/logout');
  },
};
