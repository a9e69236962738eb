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

  /** The whole error body as read (e.g. `current` of a 412), when it was JSON. */
  readonly body: unknown;

  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    /** Seconds from a `Retry-After` header, when the answer had one. */
    readonly retryAfterSeconds: number | undefined,
    options?: { cause?: unknown; body?: unknown },
  ) {
    super(problem?.detail ?? problem?.title ?? (status ? `HTTP ${status}` : 'Network error'), {
      cause: options?.cause,
    });
    this.body = options?.body;
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

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers (`Idempotency-Key`, `If-Match`). */
  headers?: Record<string, string>;
}

async function request<T>(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    ...options.headers,
  };
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
      { body },
    );
  }
  if (response.status === 204) return undefined as T;
  return (await readJson(response)) as T;
}

// ---- The register (docs/api/register.md) -------------------------------------------------

/** A GeoJSON point, `[lon, lat]`. */
export interface Point {
  type: 'Point';
  coordinates: [number, number];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Address {
  id: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  district: string | null;
  isPrimary: boolean;
}

export interface DistrictRef {
  id: string;
  name: string;
}

export interface PropertySummary {
  id: string;
  version: number;
  location: Point;
  primaryAddress: Address;
  district: DistrictRef | null;
  unitCount: number;
  distanceM?: number;
}

export interface Unit {
  id: string;
  version: number;
  buildingId: string;
  label: string;
  floor: number | null;
  areaM2: number | null;
  rooms: number | null;
}

export interface Building {
  id: string;
  label: string;
  yearBuilt: number | null;
  units: Unit[];
}

export interface Property {
  id: string;
  version: number;
  location: Point;
  parcelRef: string | null;
  notes: string | null;
  district: DistrictRef | null;
  /** Primary first. */
  addresses: Address[];
  buildings: Building[];
  createdAt: string;
  updatedAt: string;
}

export const landlordKinds = ['person', 'company'] as const;
export type LandlordKind = (typeof landlordKinds)[number];

export interface PostalAddress {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  country: string;
}

export interface Landlord {
  id: string;
  version: number;
  kind: LandlordKind;
  name: string;
  registerNumber: string | null;
  directors: string[];
  email: string | null;
  phone: string | null;
  postalAddress: PostalAddress | null;
  undeliverableNote: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export const ownershipRoles = ['owner', 'joint_owner', 'manager', 'head_tenant'] as const;
export type OwnershipRole = (typeof ownershipRoles)[number];

export interface Ownership {
  id: string;
  version: number;
  role: OwnershipRole;
  /** `YYYY-MM-DD` */
  validFrom: string;
  validTo: string | null;
  current: boolean;
  landlord: { id: string; kind: LandlordKind; name: string };
  /** The implementation may send `primaryAddress: null` (libs/landlords ownership.dto.ts). */
  property: { id: string; primaryAddress: Address | null; location: Point };
}

export interface AddressInput {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  district?: string;
  isPrimary?: boolean;
}

export interface UnitInput {
  label: string;
  floor?: number;
  areaM2?: number;
  rooms?: number;
}

export interface CreatePropertyInput {
  location: Point | undefined;
  parcelRef?: string;
  notes?: string;
  addresses: AddressInput[];
  buildings?: Array<{ label: string; yearBuilt?: number; units?: UnitInput[] }>;
}

export interface UpdatePropertyInput {
  /** null only when the user cleared both coordinates; the server refuses it. */
  location?: Point | null;
  parcelRef?: string | null;
  notes?: string | null;
  addresses?: AddressInput[];
}

export interface PropertyQuery {
  q?: string;
  districtId?: string;
  limit?: number;
  offset?: number;
}

/** Who may change properties, buildings and units (DOMAIN.md, roles). */
export function canEditProperties(role: Role): boolean {
  return role === 'inspector' || role === 'officer';
}

/** The `If-Match` / `ETag` form of a version: `"3"`. */
export const etagOf = (version: number): string => `"${version}"`;

/** The body of a 412: the record as it is now, when the server sent one. */
export function currentOf<T>(error: ApiError): T | undefined {
  const body = error.body;
  return isRecord(body) && isRecord(body.current) ? (body.current as T) : undefined;
}

function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const segment = (id: string): string => encodeURIComponent(id);

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

  properties(query: PropertyQuery, signal?: AbortSignal): Promise<Page<PropertySummary>> {
    return request('GET', `/properties${queryString({ ...query })}`, { signal });
  },

  property(id: string, signal?: AbortSignal): Promise<Property> {
    return request('GET', `/properties/${segment(id)}`, { signal });
  },

  createProperty(input: CreatePropertyInput, idempotencyKey: string): Promise<Property> {
    return request('POST', '/properties', {
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  },

  updateProperty(id: string, version: number, input: UpdatePropertyInput): Promise<Property> {
    return request('PATCH', `/properties/${segment(id)}`, {
      body: input,
      headers: { 'If-Match': etagOf(version) },
    });
  },

  propertyOwnerships(id: string, signal?: AbortSignal): Promise<Page<Ownership>> {
    return request('GET', `/properties/${segment(id)}/ownerships`, { signal });
  },

  districts(signal?: AbortSignal): Promise<Page<DistrictRef>> {
    return request('GET', '/districts', { signal });
  },

  landlord(id: string, signal?: AbortSignal): Promise<Landlord> {
    return request('GET', `/landlords/${segment(id)}`, { signal });
  },

  /** A landlord's portfolio, current first; `offset` pages on (default page of 50). */
  landlordProperties(id: string, offset = 0, signal?: AbortSignal): Promise<Page<Ownership>> {
    const query = queryString({ offset: offset > 0 ? offset : undefined });
    return request('GET', `/landlords/${segment(id)}/properties${query}`, { signal });
  },
};
