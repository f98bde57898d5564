import type {
  ExpertScore,
  Nomination,
  NominationCategory,
  NominationEvidence,
  NominationObjection,
  NominationStep,
} from './entities/nomination.entity.js';
import { MIN_ASSESSORS } from './nomination-rules.js';
import type { NominationStatus } from './nomination-state.js';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The answer of `GET /nominations/:id` and of every nomination action. */
export interface NominationView {
  id: string;
  category: NominationCategory;
  subjectId: string;
  nomineeId: string;
  nomineeName: string | null;
  enterpriseId: string | null;
  industry: string | null;
  district: string;
  title: string;
  summary: string;
  evidence: NominationEvidence[];
  status: NominationStatus;
  /** The experts' scores; an assessor's own score only, for assessors before the notice. */
  scores: ExpertScore[];
  scoreCount: number;
  minAssessors: number;
  /** The mean without the highest and the lowest score; null before three scores. */
  reviewScore: number | null;
  noticeStartsAt: Date | null;
  noticeEndsAt: Date | null;
  objections: NominationObjection[];
  /** Objections not answered yet: the award waits for them. */
  openObjections: number;
  awardFen: number | null;
  awardedAt: Date | null;
  history: NominationStep[];
  nominatedBy: string;
  nominatedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

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
