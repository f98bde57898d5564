/**
 * The API client: a fetch wrapper that adds the bearer token, turns the API's
 * `{statusCode, error, message}` bodies into {@link ApiError}s, and sends the
 * user back to the login page on a 401. Paths are relative to `/api/v1`.
 */

import { errorMessageZh, reasonZh } from '@smedx/contracts/errors/messages-zh.js';
import type {
  AcceptanceEvidence as AcceptanceEvidenceView,
  AcceptanceView,
  AuditEntryView,
  AwardResult as AwardResultView,
  BidSubsidyEstimate,
  BidView,
  CodeCountView,
  EnterprisePublicView,
  EnterpriseView,
  HasParams,
  JobStatus,
  JobView,
  MembershipView,
  MilestoneView,
  MonitoringReportView,
  NeedHit as NeedHitView,
  NeedMatchView,
  NeedView,
  NotificationPageView,
  NotificationView,
  PathOf,
  PortalOverview as PortalOverviewView,
  PathParams,
  PilotPoolItemView,
  PilotPoolView,
  PlatformRole,
  ProjectCaseView,
  ProjectLogView,
  ProjectSummaryView,
  ProjectView,
  ProviderRecordView,
  ProviderView,
  ResponseOf,
  SessionView,
  SolutionCaseView,
  SolutionHit as SolutionHitView,
  SolutionMatchView,
  SolutionView,
  TaxonomiesView,
  TaxonomyItemView,
  UserView,
  Wire,
} from '@smedx/contracts';

const BASE = '/api/v1';
/** Where the session's token is kept (the portal's boot script reads the same key). */
export const TOKEN_KEY = 'smedx.accessToken';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    /** The API's machine-readable `code` (e.g. `event_full`), when it sends one. */
    readonly code?: string,
    /** The API's `details`: `{problems: [{field, reason}]}` on a 400. */
    readonly details?: Record<string, unknown>,
    /** The API's Chinese message, for a code this build's table does not know yet. */
    readonly messageZh?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** What the user reads: the contract's Chinese text for the code (and field problems), else the API's `messageZh`, else `message`. */
  get textZh(): string {
    return errorMessageZh(this) ?? this.messageZh ?? this.message;
  }
}

/** The fields a 400 names (`details.problems`, else parsed from `field: reason; …`), each reason in Chinese; empty for other errors. */
export function fieldProblems(error: unknown): { field: string; reason: string }[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const problems = error.details?.problems;
  const raw = Array.isArray(problems)
    ? (problems as { field: string; reason: string; reasonZh?: string }[])
    : error.message.split('; ').flatMap((part) => {
        const at = part.indexOf(': ');
        return at > 0 ? [{ field: part.slice(0, at), reason: part.slice(at + 2) }] : [];
      });
  return raw.map((p) => ({ field: p.field, reason: reasonZh(p) }));
}

export const tokenStore = {
  // Rendered on the server (the portal's pages), there is no session: a visitor's page.
  get: (): string | null => (typeof localStorage === 'undefined' ? null : localStorage.getItem(TOKEN_KEY)),
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
    const body = (data ?? {}) as {
      error?: string;
      message?: string | string[];
      code?: string;
      messageZh?: string;
      details?: Record<string, unknown>;
    };
    const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? response.statusText);
    // A late 401 to a request sent with an earlier session's token leaves a newer session alone.
    if (response.status === 401 && token && tokenStore.get() === token) {
      tokenStore.clear();
      onUnauthorized();
    }
    throw new ApiError(
      response.status,
      body.error ?? response.statusText,
      message || `HTTP ${response.status}`,
      body.code,
      body.details,
      body.messageZh,
    );
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

/** The GET routes that answer a page of items. */
export type PagedGetPath = {
  [P in PathOf<'GET'>]: ResponseOf<'GET', P> extends { items: unknown[]; total: number } ? P : never;
}[PathOf<'GET'>];

/** The item type of a paged route's answer. */
export type PageItem<P extends PagedGetPath> = ResponseOf<'GET', P> extends { items: (infer T)[] } ? T : never;

/** The arguments after the path: the `:name` values first when the path has any. */
type WithParams<P extends string, Tail extends unknown[]> = HasParams<P> extends true ? [params: PathParams<P>, ...Tail] : Tail;

/** `/needs/:id` with `{id}` → `/needs/…` (each value URL-encoded). */
function fill(path: string, args: unknown[]): { url: string; rest: unknown[] } {
  if (!path.includes(':')) return { url: path, rest: args };
  const [params, ...rest] = args as [Record<string, string>, ...unknown[]];
  const url = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new Error(`api: no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
  return { url, rest };
}

/**
 * The API, typed by its contract (`API_ROUTES` in `@smedx/contracts`): a path is
 * one of the routes the server declares, written with its `:param` segments,
 * and the answer has the type the server's schema gives it —
 * `api.get('/needs/:id', { id })` is a `Wire<NeedView>`.
 */
export const api = {
  get: <P extends PathOf<'GET'>>(path: P, ...args: WithParams<P, [query?: Query]>) => {
    const { url, rest } = fill(path, args);
    return request<ResponseOf<'GET', P>>('GET', url, { query: rest[0] as Query | undefined });
  },
  post: <P extends PathOf<'POST'>>(path: P, ...args: WithParams<P, [body?: unknown]>) => {
    const { url, rest } = fill(path, args);
    return request<ResponseOf<'POST', P>>('POST', url, { body: rest[0] ?? {} });
  },
  patch: <P extends PathOf<'PATCH'>>(path: P, ...args: WithParams<P, [body: unknown]>) => {
    const { url, rest } = fill(path, args);
    return request<ResponseOf<'PATCH', P>>('PATCH', url, { body: rest[0] });
  },
  delete: <P extends PathOf<'DELETE'>>(path: P, ...args: WithParams<P, [query?: Query]>) => {
    const { url, rest } = fill(path, args);
    return request<ResponseOf<'DELETE', P>>('DELETE', url, { query: rest[0] as Query | undefined });
  },
  /** Posts a file as the raw request body (a CSV or XLSX upload), with its content type. */
  upload: <P extends PathOf<'POST'>>(path: P, ...args: WithParams<P, [file: Blob, contentType: string, query?: Query]>) => {
    const { url, rest } = fill(path, args);
    const [file, contentType, query] = rest as [Blob, string, Query | undefined];
    return request<ResponseOf<'POST', P>>('POST', url, { query, file: { body: file, contentType } });
  },
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
        const body = safeJson(await response.text()) as {
          error?: string;
          message?: string;
          code?: string;
          messageZh?: string;
          details?: Record<string, unknown>;
        };
        throw new ApiError(
          response.status,
          body.error ?? response.statusText,
          body.message ?? `打开文件失败（HTTP ${response.status}）`,
          body.code,
          body.details,
          body.messageZh,
        );
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

export type { Page } from '@smedx/contracts';

export type TaxonomyItem = Wire<TaxonomyItemView>;
export type Taxonomies = Wire<TaxonomiesView>;

export type RoleName = PlatformRole;
export type Membership = Wire<MembershipView>;
export type User = Wire<UserView>;
export type Session = Wire<SessionView>;

/**
 * An enterprise as the UI holds it: the public fields always, the others only where
 * the caller may see them (`GET /enterprises/:id` answers one form or the other).
 */
export type Enterprise = Wire<EnterprisePublicView> & Partial<Omit<Wire<EnterpriseView>, keyof EnterprisePublicView>>;

export type ProviderRecord = Wire<ProviderRecordView>;
export type { ProviderStatus, SelectionDecision } from '@smedx/contracts';
export type Provider = Wire<ProviderView>;

export type SolutionCase = Wire<SolutionCaseView>;
export type Solution = Wire<SolutionView>;

export type Need = Wire<NeedView>;

/** A search hit of `GET /search/solutions`: the indexed document (instants as epoch milliseconds) plus `_score` and `_highlight`. */
export type SolutionHit = Wire<SolutionHitView>;
/** A search hit of `GET /search/needs`. */
export type NeedHit = Wire<NeedHitView>;

/** A solution matched to a need (`GET /needs/:id/matches`) or a need to a solution (`GET /solutions/:id/matches`). */
export type Match = Wire<SolutionMatchView> | Wire<NeedMatchView>;

export type AuditEntry = Wire<AuditEntryView>;

export type JobState = JobStatus;
export type Job = Wire<JobView>;

export type PilotPoolItem = Wire<PilotPoolItemView>;
export type CodeCount = Wire<CodeCountView>;
export type PilotPool = Wire<PilotPoolView>;

// ---- Bidding ----

export type { BidStatus, MilestoneStatus, ProjectStatus } from '@smedx/contracts';

/** The programme subsidy a bid's price would bring: always an estimate (the grant follows acceptance and review). */
export type SubsidyEstimate = Wire<BidSubsidyEstimate>;
export type Bid = Wire<BidView>;
export type AwardResult = Wire<AwardResultView>;

// ---- Projects ----

export type Milestone = Wire<MilestoneView>;
export type MonitoringReport = Wire<MonitoringReportView>;
export type AcceptanceEvidence = Wire<AcceptanceEvidenceView>;
export type Acceptance = Wire<AcceptanceView>;
export type ProjectSummary = Wire<ProjectSummaryView>;
export type Project = Wire<ProjectView>;
export type ProjectLog = Wire<ProjectLogView>;
/** A passed acceptance on the provider's page (成果案例): no price, no documents. */
export type ProjectCase = Wire<ProjectCaseView>;

// ---- Notifications ----

export type AppNotification = Wire<NotificationView>;
export type PortalOverview = Wire<PortalOverviewView>;
export type NotificationPage = Wire<NotificationPageView>;
