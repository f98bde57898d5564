import type { Acceptance, Project } from '@smedx/projects';
import { shanghaiDate } from '@smedx/projects';
import type { Chain, ChainCase } from '@smedx/chains';
import { CATEGORY_NAMES } from '@smedx/awards';
import type { Nomination } from '@smedx/awards';
import type { IndicatorsReport, Measure } from '@smedx/indicators';
import { districtName, industryName, yuanOf } from './exchange-format.js';
import type { AwardRecord, CaseRecord, IndicatorRecord, ProjectRecord } from './exchange-format.js';

/** An organisation as the directory holds it today. */
export interface Party {
  name: string;
  uscc: string;
}

/**
 * The parties by organisation id (the directory's current name and USCC); a project falls
 * back on the parties its contract names if the directory has no row.
 */
export type Parties = ReadonlyMap<string, Party>;

const enterpriseOf = (p: Project, parties: Parties): Party => parties.get(p.enterpriseId) ?? p.enterpriseParty;
const providerOf = (p: Project, parties: Parties): Party => parties.get(p.providerId) ?? p.providerParty;

/** A project's record; `acceptances` are its acceptance rounds in any order. */
export function projectRecord(
  p: Project,
  acceptances: readonly Acceptance[],
  parties: Parties,
  evidence: readonly { kind: string; sha256: string }[] = [],
): ProjectRecord {
  const rounds = [...acceptances].sort((a, b) => a.round - b.round);
  const last = rounds.at(-1);
  const passed = rounds.find((a) => a.result === 'pass');
  const enterprise = enterpriseOf(p, parties);
  const provider = providerOf(p, parties);
  return {
    projectId: p.id,
    contractNo: p.contractNo,
    title: p.title,
    enterpriseName: enterprise.name,
    enterpriseUscc: enterprise.uscc,
    industry: p.industry,
    industryName: industryName(p.industry),
    district: p.district,
    districtName: districtName(p.district),
    providerName: provider.name,
    providerUscc: provider.uscc,
    scope: p.scope,
    contractPriceFen: p.priceFen,
    contractPriceYuan: yuanOf(p.priceFen),
    deliveryDays: p.deliveryDays,
    awardDate: p.startDate,
    plannedEndDate: p.plannedEndDate,
    acceptedDate: p.acceptedAt ? shanghaiDate(p.acceptedAt) : null,
    cancelledDate: p.cancelledAt ? shanghaiDate(p.cancelledAt) : null,
    status: p.status,
    levelBefore: p.levelBefore,
    levelAfter: passed?.levelAfter ?? null,
    acceptanceResult: last?.result ?? null,
    acceptanceRounds: rounds.length,
    evidenceDocuments: evidence.map((d) => `${d.kind}:${d.sha256}`),
  };
}

/** An accepted project shown as a case (成果推广); its summary is the application effect, else the data integration. */
export function projectCaseRecord(p: Project, passed: Acceptance, parties: Parties): CaseRecord {
  const enterprise = enterpriseOf(p, parties);
  const provider = providerOf(p, parties);
  return {
    caseId: p.id,
    kind: 'project',
    title: p.title,
    summary: passed.applicationEffect || passed.dataIntegration,
    chainName: null,
    enterpriseNames: [enterprise.name],
    enterpriseUsccs: [enterprise.uscc],
    providerNames: [provider.name],
    providerUsccs: [provider.uscc],
    industry: p.industry,
    industryName: industryName(p.industry),
    district: p.district,
    districtName: districtName(p.district),
    levelBefore: p.levelBefore,
    levelAfter: passed.levelAfter,
    roiPercent: passed.roiPercent,
    caseDate: shanghaiDate(p.acceptedAt ?? passed.decidedAt),
    projectIds: [p.id],
  };
}

/**
 * A chain case: the leader's industry and district; the parties of its projects (each once,
 * in the case's project order); levels and ROI only when it holds a single project (a chain
 * case as such records none), else null — its projects are cases of their own.
 */
export function chainCaseRecord(
  c: ChainCase,
  chain: Pick<Chain, 'name'>,
  leader: { industry: string; district: string } | null,
  projects: readonly Project[],
  passes: ReadonlyMap<string, Acceptance>,
  parties: Parties,
): CaseRecord {
  const ordered = c.projectIds.flatMap((id) => projects.filter((p) => p.id === id));
  const unique = (items: Party[]) => [...new Map(items.map((i) => [i.uscc, i])).values()];
  const enterprises = unique(ordered.map((p) => enterpriseOf(p, parties)));
  const providers = unique(ordered.map((p) => providerOf(p, parties)));
  const single = ordered.length === 1 ? ordered[0]! : null;
  const pass = single ? passes.get(single.id) : undefined;
  const industry = leader?.industry ?? ordered[0]?.industry ?? '';
  const district = leader?.district ?? ordered[0]?.district ?? '';
  return {
    caseId: c.id,
    kind: 'chain',
    title: c.title,
    summary: c.summary,
    chainName: chain.name,
    enterpriseNames: enterprises.map((e) => e.name),
    enterpriseUsccs: enterprises.map((e) => e.uscc),
    providerNames: providers.map((e) => e.name),
    providerUsccs: providers.map((e) => e.uscc),
    industry,
    industryName: industryName(industry),
    district,
    districtName: districtName(district),
    levelBefore: single?.levelBefore ?? null,
    levelAfter: pass?.levelAfter ?? null,
    roiPercent: pass?.roiPercent ?? null,
    caseDate: shanghaiDate(c.nominatedAt),
    projectIds: [...c.projectIds],
  };
}

/**
 * The indicators report as records: each indicator for the whole scope (with target,
 * share of target and whether met), then per breakdown row, then per step of the series
 * (breakdown and series records carry the target but no share of it).
 */
export function indicatorRecords(report: IndicatorsReport): IndicatorRecord[] {
  const plan = new Map(report.indicators.map((i) => [i.key, i]));
  const slice = (
    dimension: IndicatorRecord['dimension'],
    code: string,
    codeName: string,
    key: string,
    m: Measure,
    note: string | null,
  ): IndicatorRecord => {
    const p = plan.get(key as never)!;
    return {
      dimension,
      code,
      codeName,
      indicatorKey: key,
      indicatorName: p.name,
      unit: p.unit,
      target: p.target,
      value: m.value,
      numerator: m.numerator,
      denominator: m.denominator,
      shareOfTarget: null,
      met: null,
      note,
    };
  };
  return [
    ...report.indicators.map((i): IndicatorRecord => ({
      dimension: 'total',
      code: null,
      codeName: null,
      indicatorKey: i.key,
      indicatorName: i.name,
      unit: i.unit,
      target: i.target,
      value: i.value,
      numerator: i.numerator,
      denominator: i.denominator,
      shareOfTarget: i.shareOfTarget,
      met: i.met,
      note: i.note,
    })),
    ...report.breakdowns.flatMap((b) =>
      b.rows.flatMap((row) => report.indicators.map((i) => slice(b.dimension, row.code, row.name, i.key, row.values[i.key], null))),
    ),
    ...report.series.lines.flatMap((line) =>
      report.series.buckets.map((bucket, n) => slice('series', bucket.label, bucket.label, line.key, line.values[n]!, line.note)),
    ),
  ];
}

/** What an award record needs of the nominee beyond the nomination: its directory name, USCC and pilot batch. */
export interface Nominee extends Party {
  pilotBatch: string | null;
}

/** An awarded nomination's record. */
export function awardRecord(n: Nomination, nominee: Nominee | undefined): AwardRecord {
  return {
    awardId: n.id,
    category: n.category,
    categoryName: CATEGORY_NAMES[n.category],
    title: n.title,
    nomineeName: nominee?.name ?? '',
    nomineeUscc: nominee?.uscc ?? '',
    industry: n.industry,
    industryName: n.industry ? industryName(n.industry) : null,
    district: n.district,
    districtName: districtName(n.district),
    pilotBatch: nominee?.pilotBatch ?? null,
    reviewScore: n.reviewScore,
    awardFen: n.awardFen ?? 0,
    awardYuan: yuanOf(n.awardFen ?? 0),
    noticeStartDate: shanghaiDate(n.noticeStartsAt!),
    noticeEndDate: shanghaiDate(n.noticeEndsAt!),
    objections: n.objections.length,
    awardDate: shanghaiDate(n.awardedAt!),
  };
}
