/** Ratings of projects as the API returns them (`libs/ratings`, `RatingView`). */
export interface Rating {
  id: string;
  projectId: string;
  enterpriseId: string;
  providerId: string;
  district: string;
  quality: number;
  timeliness: number;
  service: number;
  score: number;
  text: string | null;
  status: 'published' | 'appealed' | 'upheld' | 'removed';
  reply: string | null;
  repliedAt: string | null;
  appeal: {
    side: 'enterprise' | 'provider';
    reason: string;
    appealedAt: string;
    decision: 'uphold' | 'remove' | null;
    decisionReason: string | null;
    decidedAt: string | null;
  } | null;
  appealDeadline: string;
  ratedAt: string;
}

export const RATING_STATUS_NAMES: Record<Rating['status'], string> = {
  published: '已发布',
  appealed: '申诉中',
  upheld: '申诉不成立（保留）',
  removed: '申诉成立（已移除）',
};
