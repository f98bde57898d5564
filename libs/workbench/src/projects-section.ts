import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { OPEN_MILESTONE_STATUSES } from '@smedx/contracts';
import type { WorkbenchProject } from '@smedx/contracts';
import { Milestone, Project } from '@smedx/projects';

/** The statuses of a project still under way: monitoring and acceptance are due for these. */
export const RUNNING_PROJECT_STATUSES = ['active', 'rework'] as const;

/** Running projects of these enterprises or providers (every one for `null`), by planned end. */
export async function runningProjects(
  db: EntityManager,
  party: { side: 'enterpriseId' | 'providerId'; ids: readonly string[] } | null,
  limit?: number,
): Promise<Project[]> {
  if (party && !party.ids.length) return [];
  return db.find(Project, {
    where: { ...(party ? { [party.side]: In([...party.ids]) } : {}), status: In([...RUNNING_PROJECT_STATUSES]) },
    order: { plannedEndDate: 'ASC', id: 'ASC' },
    ...(limit ? { take: limit } : {}),
  });
}

/** The projects as workbench items, with the first milestone (by position) not done or cancelled. */
export async function withNextMilestones(db: EntityManager, projects: readonly Project[]): Promise<WorkbenchProject[]> {
  if (!projects.length) return [];
  const open = await db.find(Milestone, {
    where: { projectId: In(projects.map((p) => p.id)), status: In([...OPEN_MILESTONE_STATUSES]) },
    order: { position: 'ASC' },
  });
  const next = new Map<string, Milestone>();
  for (const m of open) if (!next.has(m.projectId)) next.set(m.projectId, m);
  return projects.map((p) => {
    const m = next.get(p.id);
    return {
      id: p.id,
      title: p.title,
      status: p.status,
      plannedEndDate: p.plannedEndDate,
      nextMilestone: m ? { id: m.id, title: m.title, status: m.status, plannedDate: m.plannedDate } : null,
    };
  });
}
