import { QUESTIONS } from '@smedx/diagnosis';
import type { TestApp } from '../support/test-app.js';
import type { TestUser } from './users.js';

export type AnswerSet = Record<string, string | string[]>;

/** Option A for every question (无, [0-10%], 增加/降低): scores 0, level 1 below its band. */
export function worstAnswers(): AnswerSet {
  return Object.fromEntries([...QUESTIONS.keys()].map((key) => [key, 'A']));
}

/** Every option but A 无 of the multiple-choice questions, the best of the single-choice ones: scores 100, level 4. */
export function bestAnswers(): AnswerSet {
  return Object.fromEntries(
    [...QUESTIONS.values()].map(({ question: q }) => [
      q.key,
      q.type === 'single'
        ? q.options.reduce((a, b) => (b.score > a.score ? b : a)).key
        : q.options.filter((o) => !o.exclusive).map((o) => o.key),
    ]),
  );
}

/**
 * Exactly 40 points, level 2: business systems, data collection, network and devices at their best
 * (10 + 10 + 8 + 6 + 6), everything else A. The weakest are then planning, management rules and talent
 * (7.5 points each at stake, no platform scenario), so the suggestions are energy, quality and network security.
 */
export function level2Answers(): AnswerSet {
  const best = bestAnswers();
  return {
    ...worstAnswers(),
    information_systems: best.information_systems!,
    data_collection: best.data_collection!,
    network: best.network!,
    device_digitisation: best.device_digitisation!,
    device_networking: best.device_networking!,
  };
}

/** Exactly 60 points, level 3: {@link level2Answers} plus both security indicators (10), energy (7) and revenue per employee (3). */
export function level3Answers(): AnswerSet {
  const best = bestAnswers();
  return {
    ...level2Answers(),
    network_security: best.network_security!,
    data_security: best.data_security!,
    energy_intensity: best.energy_intensity!,
    revenue_per_employee: best.revenue_per_employee!,
  };
}

/** Files a diagnosis over HTTP; returns the response body (the diagnosis). */
export async function fileDiagnosis(t: TestApp, user: TestUser, enterpriseId: string, body: Record<string, unknown>): Promise<any> {
  const res = await t.post(`/enterprises/${enterpriseId}/diagnoses`, body, { token: user.token });
  if (res.status !== 201) throw new Error(`file diagnosis failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
