import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ACTIVE_BID_STATUSES, NEED_STATUSES, SUBSIDY_STATUSES } from '@smedx/contracts';
import type { EnterpriseWorkbench } from '@smedx/contracts';
import { Bid } from '@smedx/bidding';
import { Need } from '@smedx/demand';
import { Diagnosis } from '@smedx/diagnosis';
import type { Enterprise } from '@smedx/directory';
import { SubsidyApplication } from '@smedx/subsidy';
import { countsByKeyAndStatus, everyStatus } from './counts.js';
import { runningProjects, withNextMilestones } from './projects-section.js';

const LISTED = 10;
const WEAKEST_SHOWN = 3;

/** An enterprise section before its recommendations (the workbench adds them from the matching engine). */
export type EnterpriseSection = Omit<EnterpriseWorkbench, 'recommendedSolutions'>;

/** The enterprise sections: a fixed number of queries for all of the caller's enterprises. */
export async function enterpriseSections(db: EntityManager, enterprises: readonly Enterprise[]): Promise<EnterpriseSection[]> {
  if (!enterprises.length) return [];
  const ids = enterprises.map((e) => e.id);
  const [needs, subsidy, awaiting, projects, diagnoses] = await Promise.all([
    countsByKeyAndStatus(db, Need, 'enterpriseId', (qb) => qb.where('x.enterpriseId IN (:...ids)', { ids })),
    countsByKeyAndStatus(db, SubsidyApplication, 'enterpriseId', (qb) => qb.where('x.enterpriseId IN (:...ids)', { ids })),
    needsAwaitingDecision(db, ids),
    runningProjects(db, { side: 'enterpriseId', ids }).then((rows) => withNextMilestones(db, rows).then((items) => ({ rows, items }))),
    latestDiagnoses(db, ids),
  ]);
  return enterprises.map((e) => {
    const waiting = awaiting.filter((a) => a.enterpriseId === e.id);
    const diagnosis = diagnoses.get(e.id);
    return {
      enterpriseId: e.id,
      enterpriseName: e.name,
      needs: everyStatus(NEED_STATUSES, needs.get(e.id)),
      bidsAwaitingDecision: waiting.reduce((sum, w) => sum + w.bids, 0),
      needsAwaitingDecision: waiting.slice(0, LISTED).map(({ enterpriseId: _, ...item }) => item),
      projects: projects.items.filter((_, i) => projects.rows[i]!.enterpriseId === e.id).slice(0, LISTED),
      subsidyApplications: everyStatus(SUBSIDY_STATUSES, subsidy.get(e.id)),
      diagnosis: diagnosis
        ? {
            id: diagnosis.id,
            level: diagnosis.belowLevelOne ? null : diagnosis.level,
            official: diagnosis.official,
            createdAt: diagnosis.createdAt,
            weakest: diagnosis.weakest.slice(0, WEAKEST_SHOWN).map((w) => ({ key: w.key, title: w.title, group: w.group, share: w.share })),
          }
        : null,
    };
  });
}

/** Published needs with bids in the running, earliest deadline first: one grouped query and one for the needs. */
async function needsAwaitingDecision(
  db: EntityManager,
  enterpriseIds: readonly string[],
): Promise<{ enterpriseId: string; needId: string; title: string; bidDeadline: Date; bids: number }[]> {
  // Two steps, not a join: a bid's need id is text, a need's id a uuid (PostgreSQL compares neither with the other).
  const published = await db.find(Need, {
    where: { enterpriseId: In([...enterpriseIds]), status: 'published' },
    select: { id: true },
  });
  if (!published.length) return [];
  const counts = await db
    .createQueryBuilder(Bid, 'b')
    .select('b.needId', 'needId')
    .addSelect('COUNT(*)', 'count')
    .where('b.needId IN (:...needIds)', { needIds: published.map((n) => n.id) })
    .andWhere('b.status IN (:...active)', { active: [...ACTIVE_BID_STATUSES] })
    .groupBy('b.needId')
    .getRawMany<{ needId: string; count: string | number }>();
  if (!counts.length) return [];
  const needs = await db.find(Need, { where: { id: In(counts.map((c) => c.needId)) }, order: { bidDeadline: 'ASC', id: 'ASC' } });
  const bids = new Map(counts.map((c) => [c.needId, Number(c.count)]));
  return needs.map((n) => ({
    enterpriseId: n.enterpriseId,
    needId: n.id,
    title: n.title,
    bidDeadline: n.bidDeadline,
    bids: bids.get(n.id) ?? 0,
  }));
}

/** Each enterprise's latest diagnosis, in one query joining the newest time per enterprise. */
async function latestDiagnoses(db: EntityManager, enterpriseIds: readonly string[]): Promise<Map<string, Diagnosis>> {
  const rows = await db
    .createQueryBuilder(Diagnosis, 'd')
    .innerJoin(
      (sub) =>
        sub
          .from(Diagnosis, 'l')
          .select('l.enterpriseId', 'eid')
          .addSelect('MAX(l.createdAt)', 'at')
          .where('l.enterpriseId IN (:...enterpriseIds)', { enterpriseIds })
          .groupBy('l.enterpriseId'),
      'latest',
      'latest.eid = d.enterpriseId AND latest.at = d.createdAt',
    )
    .orderBy('d.id', 'ASC')
    .getMany();
  const byEnterprise = new Map<string, Diagnosis>();
  for (const d of rows) if (!byEnterprise.has(d.enterpriseId)) byEnterprise.set(d.enterpriseId, d);
  return byEnterprise;
}
