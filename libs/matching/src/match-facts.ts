import type { ProviderRecord } from '@smedx/directory';

/**
 * What matching knows of a need: its search document plus the enterprise's
 * digital level. Plain, read-only data, so that the scorer runs the same on
 * documents from the database, the search index or a benchmark's memory.
 */
export interface NeedFacts {
  id: string;
  title: string;
  description: string;
  scenarios: readonly string[];
  budgetFen: number;
  expectedDays: number;
  enterpriseId: string;
  enterpriseName: string;
  industry: string;
  district: string;
  /** The enterprise's current digital level (1–4); null when it has not been assessed. */
  digitalLevel: number | null;
  status: string;
}

/** What matching knows of a solution: its search document. */
export interface SolutionFacts {
  id: string;
  title: string;
  summary: string;
  description: string;
  scenarios: readonly string[];
  industries: readonly string[];
  priceMinFen: number;
  priceMaxFen: number;
  deployDays: number;
  levels: readonly number[];
  providerId: string;
  providerName: string;
  status: string;
}

/** The provider behind a solution, read fresh (its status decides whether it may appear at all). */
export interface ProviderFacts {
  id: string;
  name: string;
  status: string;
  districts: string[];
  record: ProviderRecord;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const allStrings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v ?? 0) || 0);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/**
 * Whether a document already has the shape of need facts. The search
 * context's documents do, so they are used as they are: no copy per
 * candidate (matching reads hundreds per need). Extra fields do no harm;
 * documents are never changed by matching.
 */
function isNeedFacts(doc: Readonly<Record<string, unknown>>): doc is NeedFacts & Record<string, unknown> {
  return (
    isString(doc.id) &&
    isString(doc.title) &&
    isString(doc.description) &&
    allStrings(doc.scenarios) &&
    isNumber(doc.budgetFen) &&
    isNumber(doc.expectedDays) &&
    isString(doc.enterpriseId) &&
    isString(doc.enterpriseName) &&
    isString(doc.industry) &&
    isString(doc.district) &&
    (doc.digitalLevel === null || isNumber(doc.digitalLevel)) &&
    isString(doc.status)
  );
}

function isSolutionFacts(doc: Readonly<Record<string, unknown>>): doc is SolutionFacts & Record<string, unknown> {
  return (
    isString(doc.id) &&
    isString(doc.title) &&
    isString(doc.summary) &&
    isString(doc.description) &&
    allStrings(doc.scenarios) &&
    allStrings(doc.industries) &&
    isNumber(doc.priceMinFen) &&
    isNumber(doc.priceMaxFen) &&
    isNumber(doc.deployDays) &&
    Array.isArray(doc.levels) &&
    doc.levels.every(isNumber) &&
    isString(doc.providerId) &&
    isString(doc.providerName) &&
    isString(doc.status)
  );
}

/** A need's search document (as `NeedQueriesService.toSearchDocument` shapes it) as facts: itself when it has their shape. */
export function needFactsFromDocument(doc: Readonly<Record<string, unknown>>): NeedFacts {
  if (isNeedFacts(doc)) return doc;
  const level = doc.digitalLevel;
  return {
    id: str(doc.id),
    title: str(doc.title),
    description: str(doc.description),
    scenarios: strings(doc.scenarios),
    budgetFen: num(doc.budgetFen),
    expectedDays: num(doc.expectedDays),
    enterpriseId: str(doc.enterpriseId),
    enterpriseName: str(doc.enterpriseName),
    industry: str(doc.industry),
    district: str(doc.district),
    digitalLevel: typeof level === 'number' ? level : null,
    status: str(doc.status),
  };
}

/** A solution's search document (as `SolutionsService.toSearchDocument` shapes it) as facts: itself when it has their shape. */
export function solutionFactsFromDocument(doc: Readonly<Record<string, unknown>>): SolutionFacts {
  if (isSolutionFacts(doc)) return doc;
  return {
    id: str(doc.id),
    title: str(doc.title),
    summary: str(doc.summary),
    description: str(doc.description),
    scenarios: strings(doc.scenarios),
    industries: strings(doc.industries),
    priceMinFen: num(doc.priceMinFen),
    priceMaxFen: num(doc.priceMaxFen),
    deployDays: num(doc.deployDays),
    levels: Array.isArray(doc.levels) ? doc.levels.map(Number) : [],
    providerId: str(doc.providerId),
    providerName: str(doc.providerName),
    status: str(doc.status),
  };
}
