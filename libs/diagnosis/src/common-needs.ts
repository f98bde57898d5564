import { QUESTIONS, SCENES, positionOf } from './questionnaire.js';
import type { CommonNeed, NeedTemplate, Weakness } from '@smedx/contracts';

export type { CommonNeed } from '@smedx/contracts';

/** A weakness is common when at least two enterprises, and at least `minShare` of them, have it among their weakest. */
export const MIN_COMMON_COUNT = 2;

/**
 * The weaknesses shared across `diagnoses` (one per enterprise: its latest), most shared first;
 * on a tie, questionnaire order with the scenes after the indicators.
 */
export function commonWeaknesses(diagnoses: readonly { weakest: readonly Weakness[] }[], minShare: number): CommonNeed[] {
  const counts = new Map<string, { weakness: Weakness; count: number }>();
  for (const d of diagnoses) {
    for (const w of d.weakest) {
      const id = `${w.kind}:${w.key}`;
      const entry = counts.get(id) ?? { weakness: w, count: 0 };
      entry.count += 1;
      counts.set(id, entry);
    }
  }
  const total = diagnoses.length;
  return [...counts.values()]
    .filter(({ count }) => count >= MIN_COMMON_COUNT && count / total >= minShare)
    .sort((a, b) => b.count - a.count || positionOf(a.weakness.kind, a.weakness.key) - positionOf(b.weakness.kind, b.weakness.key))
    .map(({ weakness: w, count }) => ({
      kind: w.kind,
      key: w.key,
      title: w.title,
      group: w.group,
      scenarios: w.scenarios,
      count,
      share: Math.round((count / total) * 1000) / 1000,
      need: needFor(w),
    }));
}

function needFor(w: Weakness): NeedTemplate | null {
  if (w.kind === 'indicator') return QUESTIONS.get(w.key)?.question.need ?? null;
  const scene = SCENES.get(w.key);
  return scene ? { title: `${scene.title}数字化提升`, scenarios: [scene.code] } : null;
}
