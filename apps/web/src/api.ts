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
    /** The API's machine-readable `code` (e.g. `event_full`), when it sends one. */
    readonly code?: string,
    /** The API's `details`: `{problems: [{field, reason}]}` on a 400. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The fields a 400 names (`details.problems`, else parsed from `field: reason; …`); empty for other errors. */
export function fieldProblems(error: unknown): { field: string; reason: string }[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const problems = error.details?.problems;
  if (Array.isArray(problems)) return problems as { field: string; reason: string }[];
  return error.message.split('; ').flatMap((part) => {
    const at = part.indexOf(': ');
    return at > 0 ? [{ field: part.slice(0, at), reason: part.slice(at + 2) }] : [];
  });
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

async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; file?: { body: Blob; contentType: string } } = {},
): Promise<T> {
  const token = tokenStore.get();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.contentType;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body: options.file ? options.file.body : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'Network Error', '无法连接服务器，请检查网络后重试');
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const body = (data ?? {}) as { error?: string; message?: string | string[]; code?: string; details?: Record<string, unknown> };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
    if (response.status === 401 && token) {
      tokenStore.clear();
      onUnauthorized();
    }
    throw new ApiError(response.status, body.error ?? response.statusText, message || `HTTP ${response.status}`, body.code, body.details);
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
  /** Posts a file as the raw request body (a CSV or XLSX upload), with its content type. */
  upload: <T>(path: string, file: Blob, contentType: string, query?: Query) =>
    request<T>('POST', path, { query, file: { body: file, contentType } }),
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
  /**
   * Opens a document that needs the bearer token (a contract in HTML or PDF) in a new tab:
   * the tab opens at once, while the click still counts as a user gesture (a tab opened
   * after an await is blocked as a pop-up), then shows the fetched document as a blob URL.
   */
  async openDocument(path: string, query?: Query): Promise<void> {
    const tab = window.open('', '_blank');
    const token = tokenStore.get();
    try {
      const response = await fetch(`${BASE}${path}${toQueryString(query)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!response.ok) {
        const body = safeJson(await response.text()) as { error?: string; message?: string };
        throw new ApiError(response.status, body.error ?? response.statusText, body.message ?? `打开文件失败（HTTP ${response.status}）`);
      }
      const url = URL.createObjectURL(await response.blob());
      if (tab) tab.location.href = url;
      else window.location.assign(url);
      // The tab has loaded it well before then; until the tab closes the document stays readable.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      throw e;
    }
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

export interface ProviderRecord {
  acceptancePassRate: number | null;
  completedProjects: number;
  ratingAverage: number | null;
  ratingCount: number;
  noShows?: number;
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
  record?: ProviderRecord;
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
  /** When the deadline job closed bidding; null while bids are open. */
  biddingClosedAt?: string | null;
  awardedAt?: string | null;
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
  /** A matched solution's provider (`GET /needs/:id/matches`). */
  providerName?: string;
  /** A matched need's enterprise (`GET /solutions/:id/matches`). */
  enterpriseName?: string;
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

// ---- Bidding ----

export type BidStatus = 'submitted' | 'shortlisted' | 'withdrawn' | 'awarded' | 'not_awarded';

/** The programme subsidy a bid's price would bring: always an estimate (the grant follows acceptance and review). */
export interface SubsidyEstimate {
  subsidyFen: number;
  netCostFen: number;
  capped: boolean;
  isEstimate: boolean;
  eligibleInvestmentFen?: number;
  basis?: string;
}

export interface Bid {
  id: string;
  needId: string;
  providerId: string;
  providerName: string;
  providerKind?: string;
  providerRecord: ProviderRecord | null;
  solutionId: string | null;
  solutionTitle?: string | null;
  priceFen: number;
  deliveryDays: number;
  proposal: string;
  status: BidStatus;
  revision?: number;
  /** 0–1, null when the bid names no solution. */
  matchScore: number | null;
  subsidyEstimate: SubsidyEstimate | null;
  submittedAt: string;
  revisedAt?: string | null;
  shortlistedAt?: string | null;
  withdrawnAt?: string | null;
  decidedAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AwardResult {
  projectId: string;
  needId: string;
  bidId: string;
}

// ---- Projects ----

export type ProjectStatus = 'active' | 'rework' | 'accepted' | 'cancelled';
export type MilestoneStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';

export interface Milestone {
  id: string;
  title: string;
  /** `YYYY-MM-DD`, a Shanghai calendar day. */
  plannedDate: string;
  actualDate: string | null;
  status: MilestoneStatus;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MonitoringReport {
  id: string;
  assessorId: string;
  summary: string;
  findings: string;
  progressPercent: number;
  risks: string[];
  filedAt: string;
}

export interface AcceptanceEvidence {
  kind: string;
  name: string;
  sha256?: string;
  sizeBytes?: number;
}

export interface Acceptance {
  id: string;
  round: number;
  assessorId: string;
  result: 'pass' | 'fail';
  levelAfter: number;
  dataIntegration: string;
  dataIntegrationScore: number | null;
  roiPercent: number;
  managementReform: string;
  applicationEffect: string | null;
  reasons: string;
  evidence: AcceptanceEvidence[];
  decidedAt: string;
}

export interface ProjectSummary {
  id: string;
  contractNo: string;
  needId: string;
  bidId: string;
  enterpriseId: string;
  enterpriseName: string;
  providerId: string;
  providerName: string;
  solutionId: string | null;
  title: string;
  priceFen: number;
  /** The price in capital numerals (人民币大写), as the contract prints it. */
  priceInWords?: string;
  deliveryDays: number;
  industry: string;
  district: string;
  startDate: string;
  plannedEndDate: string;
  status: ProjectStatus;
  levelBefore: number | null;
  acceptedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Project extends ProjectSummary {
  scope: string;
  milestones: Milestone[];
  reports: MonitoringReport[];
  acceptances: Acceptance[];
}

export interface ProjectLog {
  id: string;
  side: 'enterprise' | 'provider';
  authorId: string;
  kind: string;
  content: string;
  occurredOn: string;
  writtenAt: string;
}

/** A passed acceptance on the provider's page (成果案例): no price, no documents. */
export interface ProjectCase {
  projectId: string;
  title: string;
  enterpriseId: string;
  enterpriseName: string;
  industry: string;
  district: string;
  solutionId: string | null;
  levelBefore: number | null;
  levelAfter: number;
  roiPercent: number;
  dataIntegration: string;
  managementReform: string;
  applicationEffect: string | null;
  deliveryDays: number;
  startDate: string;
  acceptedAt: string;
}

// ---- Notifications ----

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** Where in this UI the user acts on it, e.g. `/projects/<id>`. */
  link: string | null;
  data: Record<string, unknown> | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage extends Page<AppNotification> {
  unread: number;
}
