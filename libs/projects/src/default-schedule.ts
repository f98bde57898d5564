import { addDays } from './calendar.js';
import type { ContractScheduleItem } from './entities/project.entity.js';

/**
 * The phases every transformation project goes through, each ending at a
 * share of the delivery time the bid promised: survey the needs (需求调研),
 * deploy (部署实施), trial run (试运行), prepare the acceptance (验收准备).
 * The parties re-plan from there.
 */
export const DEFAULT_PHASES: readonly { title: string; share: number }[] = [
  { title: '需求调研', share: 0.15 },
  { title: '部署实施', share: 0.6 },
  { title: '试运行', share: 0.85 },
  { title: '验收准备', share: 1 },
];

/** The default milestones of a project starting on `startDate` (`YYYY-MM-DD`) that takes `deliveryDays`. */
export function defaultSchedule(startDate: string, deliveryDays: number): ContractScheduleItem[] {
  return DEFAULT_PHASES.map(({ title, share }) => ({
    title,
    plannedDate: addDays(startDate, Math.max(1, Math.ceil(deliveryDays * share))),
  }));
}
