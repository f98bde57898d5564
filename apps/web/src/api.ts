/**
 * The API client: a fetch wrapper that adds the bearer token, turns the API's
 * `{statusCode, error, message}` bodies into {@link ApiError}s, and sends the
 * user back to the login page on a 401. Paths are relative to `/api/v1`.
 */

const BASE = '/api/v1';
const TOKEN_KEY = 'smedx.accessToken';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string): void => localStorage.setItem(TOKEN_KEY, token),
  clear: (): void => localStorage.removeItem(TOKEN_KEY),
};

let onUnauthorized: () => void = () => undefined;

/** Called when a request made with a token answers 401 (expired or revoked session). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

/** Drops empty values; lists go comma-separated, as the search routes read them. */
export function toQueryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const token = tokenStore.get();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'Network Error', '无法连接服务器，请检查网络后重试');
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const body = (data ?? {}) as { error?: string; message?: string | string[] };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
    if (response.status === 401 && token) {
      tokenStore.clear();
      onUnauthorized();
    }
    throw new ApiError(response.status, body.error ?? response.statusText, message || `HTTP ${response.status}`);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
  /** Downloads a file (e.g. a spreadsheet export) with the bearer token. */
  async download(path: string, filename: string): Promise<void> {
    const token = tokenStore.get();
    const response = await fetch(`${BASE}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (!response.ok) throw new ApiError(response.status, response.statusText, `下载失败（HTTP ${response.status}）`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    URL.revokeObjectURL(url);
  },
};

/** The promise's value, or null when the route answers 404 (a feature not deployed yet, or an unknown object). */
export async function unless404<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

// ---- Shapes of the API's answers (SPEC.md: core fields plus id, status, timestamps) ----

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TaxonomyItem {
  code: string;
  name: string;
}

export interface Taxonomies {
  industries: TaxonomyItem[];
  districts: TaxonomyItem[];
  scenarios: TaxonomyItem[];
  deliveryModes: TaxonomyItem[];
  scales?: TaxonomyItem[];
  providerKinds?: TaxonomyItem[];
  pilotBatches?: TaxonomyItem[];
}

export type RoleName = 'organizer' | 'assessor' | 'district_officer' | 'city_officer' | 'admin';

export interface Membership {
  organisationId: string;
  kind: 'enterprise' | 'provider';
  role: 'owner' | 'member';
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: { role: RoleName | string; district: string | null }[];
  memberships: Membership[];
}

export interface Session {
  accessToken: string;
  user: User;
}

export interface Enterprise {
  id: string;
  name: string;
  uscc?: string;
  industry: string;
  district: string;
  scale: 'above' | 'below';
  employees?: number | null;
  annualRevenueFen?: number | null;
  isLittleGiantFunded?: boolean;
  inPilot2022?: boolean;
  isSpecialised?: boolean;
  digitalLevel: number | null;
  isChainLeader?: boolean;
  pilotBatch?: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export type ProviderStatus = 'pending' | 'approved' | 'rejected' | 'suspended';
export type SelectionDecision = 'approve' | 'reject' | 'suspend' | 'reinstate';

export interface Provider {
  id: string;
  name: string;
  uscc: string;
  kind: 'integrator' | 'product';
  districts: string[];
  description: string;
  status: ProviderStatus;
  record?: { acceptancePassRate: number | null; completedProjects: number; ratingAverage: number | null; ratingCount: number };
  decisions?: { id: string; decision: SelectionDecision; fromStatus: string; toStatus: string; reason: string; decidedAt: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface SolutionCase {
  enterpriseName: string;
  summary: string;
  year?: number;
}

export interface Solution {
  id: string;
  providerId: string;
  providerName?: string;
  providerKind?: string;
  title: string;
  summary: string;
  description: string;
  scenarios: string[];
  industries: string[];
  priceMinFen: number;
  priceMaxFen: number;
  deployDays: number;
  deliveryMode: string;
  levels: number[];
  cases?: SolutionCase[];
  status: 'draft' | 'published' | 'delisted';
  publishedAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Need {
  id: string;
  enterpriseId: string;
  enterpriseName?: string;
  industry?: string;
  district?: string;
  title: string;
  description: string;
  scenarios: string[];
  budgetFen: number;
  expectedDays: number;
  bidDeadline: string;
  privateDetails?: string | null;
  status: string;
  publishedAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A search hit: the object's public fields plus `_highlight` (field → server-escaped HTML with <em> marks). */
export type Hit<T> = Partial<T> & { id: string; _highlight?: Record<string, string> };

export interface SearchPage<T> {
  hits: Hit<T>[];
  total: number;
  facets: Record<string, Record<string, number>>;
  page: number;
  pageSize: number;
}

export interface Match {
  id: string;
  score: number;
  breakdown?: Record<string, number>;
  reasons?: string[];
  title?: string;
}

export interface AuditEntry {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

export type JobState = 'pending' | 'processing' | 'dispatched' | 'done' | 'dead';

export interface Job {
  id: number;
  job: string;
  payload: unknown;
  status: JobState;
  attempts: number;
  availableAt: string;
  lastError: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface PilotPoolItem {
  id: string;
  name: string;
  industry: string;
  district: string;
  scale: 'above' | 'below';
  digitalLevel: number | null;
  pilotBatch: string;
  enrolmentBasis: string;
  enrolledAt: string;
}

export interface CodeCount extends TaxonomyItem {
  count: number;
}

export interface PilotPool extends Page<PilotPoolItem> {
  counts?: { byBatch: CodeCount[]; byIndustry: CodeCount[]; byDistrict: CodeCount[] };
}
