import type { ExpertScore, NominationView, Page } from '@smedx/contracts';
import type { Nomination } from './entities/nomination.entity.js';
import { MIN_ASSESSORS } from './nomination-rules.js';

/** The answer of `GET /nominations/:id` and of every nomination action: the contract's `NominationView`. */
export type { NominationView, Page };

export function nominationView(n: Nomination, nomineeName: string | null, scores: ExpertScore[] = n.scores): NominationView {
  return {
    id: n.id,
    category: n.category,
    subjectId: n.subjectId,
    nomineeId: n.nomineeId,
    nomineeName,
    enterpriseId: n.enterpriseId,
    industry: n.industry,
    district: n.district,
    title: n.title,
    summary: n.summary,
    evidence: n.evidence,
    status: n.status,
    scores,
    scoreCount: n.scores.length,
    minAssessors: MIN_ASSESSORS,
    reviewScore: n.reviewScore,
    noticeStartsAt: n.noticeStartsAt,
    noticeEndsAt: n.noticeEndsAt,
    objections: n.objections,
    openObjections: n.objections.filter((o) => o.answer === null).length,
    awardFen: n.awardFen,
    awardedAt: n.awardedAt,
    history: n.history,
    nominatedBy: n.nominatedBy,
    nominatedAt: n.nominatedAt,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}
