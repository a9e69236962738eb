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

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Sends a request; an error answer (or none) becomes an `ApiError`. */
async function send(
  method: Method,
  path: string,
  options: RequestOptions,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, ...options.headers };
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
  return response;
}

/** A JSON request under `/api/v1` with the session cookie. */
export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options, 'application/json, application/problem+json');
  if (response.status === 204) return undefined as T;
  return (await readJson(response)) as T;
}

/** A file from the api (a letter as PDF), with the name its `Content-Disposition` gives. */
export interface FileAnswer {
  blob: Blob;
  fileName: string | undefined;
}

/** A request whose answer is a file; errors are problem+json as everywhere. */
export async function requestFile(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<FileAnswer> {
  const response = await send(method, path, options, 'application/pdf, application/problem+json');
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), fileName: match?.[1] };
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

// ---- Inspections, defects, photos (docs: libs/inspections DTOs) --------------------------

export const inspectionKinds = ['initial', 'complaint', 'reinspection', 'joint'] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

export const inspectionStatuses = ['planned', 'done', 'no_access', 'cancelled'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

export const severities = ['A', 'B', 'C'] as const;
export type Severity = (typeof severities)[number];

export const defectStatuses = ['open', 'reported_done', 'verified', 'not_remedied'] as const;
export type DefectStatus = (typeof defectStatuses)[number];

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface Inspection {
  id: string;
  propertyId: string;
  /** "Bahnhofstraße 12, 44623 Herne" */
  address: string;
  location: Point;
  kind: InspectionKind;
  status: InspectionStatus;
  scheduledAt: string;
  reason: string | null;
  jointPartners: string[];
  inspectors: PersonRef[];
  complaintId: string | null;
  followsInspectionId: string | null;
  completedAt: string | null;
  completedBy: PersonRef | null;
  outcomeReason: string | null;
  notes: string | null;
  version: number;
}

export interface Bilingual {
  de: string;
  en: string;
}

export interface DefectCatalogueRef {
  id: string;
  code: string;
  version: number;
  legalGround: string;
  title: Bilingual;
  severity: Severity;
}

export interface Defect {
  id: string;
  propertyId: string;
  inspectionId: string;
  unitId: string | null;
  unitLabel: string | null;
  room: string | null;
  catalogueItem: DefectCatalogueRef;
  severity: Severity;
  severityReason: string | null;
  description: string;
  position: Point | null;
  status: DefectStatus;
  statusChangedAt: string;
  photoCount: number;
  createdAt: string;
  version: number;
}

export interface OccupancyRecord {
  unitId: string;
  adultsFound: number;
  childrenUnderSixFound: number;
  personsRegistered: number;
  livingAreaM2: number;
  unitKind: 'flat' | 'single_room';
  sharedAncillaryRooms: boolean;
  workerHousing: boolean;
  outcome: 'overcrowded' | 'not_overcrowded' | 'no_rule' | 'not_covered';
  ruleSetId: string | null;
  /** The rule, the numbers and the explanation (`explanation.de` / `.en` where there is one). */
  result: { outcome: string; explanation?: Bilingual };
}

export interface DefectCheck {
  defectId: string;
  result: 'remedied' | 'not_remedied';
  note: string | null;
}

export interface InspectionDetail extends Inspection {
  findings: Defect[];
  occupancy: OccupancyRecord[];
  checks: DefectCheck[];
  revisitInspectionId: string | null;
  /** A planned visit's open defects of the property, to check off. */
  openDefects: Defect[];
}

export interface DayStop extends Inspection {
  stop: number;
  distanceM: number;
}

export interface DayRoute {
  date: string;
  inspector: PersonRef;
  start: [number, number] | null;
  stops: DayStop[];
  totalDistanceM: number;
}

export interface Inspector {
  id: string;
  displayName: string;
  role: Role;
  districts: DistrictRef[];
}

export interface CatalogueItem {
  id: string;
  code: string;
  version: number;
  legalGround: string;
  title: Bilingual;
  description: Bilingual;
  severity: Severity;
  period: { unit: 'hours' | 'days'; amount: number } | null;
  retired: boolean;
  current: boolean;
}

export interface Photo {
  id: string;
  defectId: string;
  attached: boolean;
  contentType: string;
  byteSize: number;
  width: number;
  height: number;
  sha256: string;
  capturedAt: string | null;
  originalFilename: string | null;
  createdAt: string;
}

/** One event in a property's file, newest first. */
export interface TimelineEntry {
  at: string;
  /** `inspection`, `defect`, `photo`, `complaint` (a newer api may add more). */
  kind: string;
  id: string;
  /** inspection: its status; defect: its status; photo: attached; complaint: its source. */
  state: string;
  /** inspection: its kind; defect: the catalogue title (German); photo: file name; complaint: legal ground. */
  label: string;
  severity: Severity | null;
  /** defect: its inspection; photo: its defect. */
  parentId: string | null;
}

export interface InspectionQuery {
  propertyId?: string;
  inspectorId?: string;
  status?: InspectionStatus;
  /** `YYYY-MM-DD` */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface PlanInspectionInput {
  propertyId: string;
  kind: InspectionKind;
  /** ISO 8601 with its zone. */
  scheduledAt: string;
  inspectorIds: string[];
  reason?: string;
  jointPartners?: string[];
  complaintId?: string;
}

export interface UpdateInspectionInput {
  scheduledAt?: string;
  inspectorIds?: string[];
  reason?: string | null;
}

export interface FindingInput {
  /** Made here (a UUID); a retry sends the same. */
  id: string;
  catalogueItemId: string;
  unitId?: string;
  room?: string;
  severity?: Severity;
  severityReason?: string;
  description: string;
  position?: Point;
}

export interface OccupancyInput {
  unitId: string;
  adultsFound: number;
  childrenUnderSixFound: number;
  personsRegistered: number;
  livingAreaM2?: number;
  unitKind: 'flat' | 'single_room';
  sharedAncillaryRooms: boolean;
  workerHousing: boolean;
}

export interface DefectCheckInput {
  defectId: string;
  result: 'remedied' | 'not_remedied';
  note?: string;
}

export interface CompleteInspectionInput {
  outcome: 'done' | 'no_access';
  noAccessReason?: string;
  revisitAt?: string;
  notes?: string;
  findings: FindingInput[];
  occupancy: OccupancyInput[];
  checks: DefectCheckInput[];
}

/** Who may plan inspections (inspectors: only visits they go to themselves). */
export function canPlanInspections(role: Role): boolean {
  return role === 'inspector' || role === 'officer';
}

/** Who may record inspections, defects and photos. */
export function canLogInspections(role: Role): boolean {
  return role === 'inspector' || role === 'officer';
}

/** Who can read the register (properties, inspections, defects). */
export function canReadRegister(role: Role): boolean {
  return role !== 'admin';
}

/** Where photos go, as tus uploads (resumable). */
export const photoUploadEndpoint = `${base}/uploads/photos`;

/** The resized image of a photo, for everyone who may see the defect. */
export const photoPreviewUrl = (id: string): string =>
  `${base}/photos/${encodeURIComponent(id)}/preview`;

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

export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const segment = (id: string): string => encodeURIComponent(id);

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

  /** The current catalogue entries (all legal grounds). */
  catalogue(signal?: AbortSignal): Promise<Page<CatalogueItem>> {
    return request('GET', '/defect-catalogue', { signal });
  },

  /** People who can be sent to an inspection. */
  inspectors(signal?: AbortSignal): Promise<Page<Inspector>> {
    return request('GET', '/inspectors', { signal });
  },

  inspections(query: InspectionQuery, signal?: AbortSignal): Promise<Page<Inspection>> {
    return request('GET', `/inspections${queryString({ ...query })}`, { signal });
  },

  inspection(id: string, signal?: AbortSignal): Promise<InspectionDetail> {
    return request('GET', `/inspections/${segment(id)}`, { signal });
  },

  /** A person's visits of a day in route order; without `inspectorId` the caller's. */
  dayRoute(date: string, signal?: AbortSignal): Promise<DayRoute> {
    return request('GET', `/inspections/day${queryString({ date })}`, { signal });
  },

  planInspection(input: PlanInspectionInput, idempotencyKey: string): Promise<Inspection> {
    return request('POST', '/inspections', {
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  },

  updateInspection(id: string, version: number, input: UpdateInspectionInput): Promise<Inspection> {
    return request('PATCH', `/inspections/${segment(id)}`, {
      body: input,
      headers: { 'If-Match': etagOf(version) },
    });
  },

  cancelInspection(id: string, version: number, reason: string): Promise<Inspection> {
    return request('POST', `/inspections/${segment(id)}/cancel`, {
      body: { reason },
      headers: { 'If-Match': etagOf(version) },
    });
  },

  completeInspection(
    id: string,
    input: CompleteInspectionInput,
    idempotencyKey: string,
  ): Promise<InspectionDetail> {
    return request('POST', `/inspections/${segment(id)}/complete`, {
      body: input,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  },

  propertyDefects(id: string, signal?: AbortSignal): Promise<Page<Defect>> {
    return request('GET', `/properties/${segment(id)}/defects`, { signal });
  },

  propertyTimeline(id: string, signal?: AbortSignal): Promise<Page<TimelineEntry>> {
    return request('GET', `/properties/${segment(id)}/timeline`, { signal });
  },

  defectPhotos(id: string, signal?: AbortSignal): Promise<Page<Photo>> {
    return request('GET', `/defects/${segment(id)}/photos`, { signal });
  },
};
