import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { AssessorWorkbench } from '@smedx/contracts';
import { Nomination } from '@smedx/awards';
import { Project } from '@smedx/projects';
import { runningProjects, withNextMilestones } from './projects-section.js';

const LISTED = 10;

/** An assessor's work: running projects (monitoring, acceptance) and nominations it has not scored yet. */
export async function assessorSection(db: EntityManager, assessorId: string): Promise<AssessorWorkbench> {
  const [active, rework, projects, nominations] = await Promise.all([
    db.countBy(Project, { status: 'active' }),
    db.countBy(Project, { status: 'rework' }),
    runningProjects(db, null, LISTED).then((rows) => withNextMilestones(db, rows)),
    db.find(Nomination, { select: { id: true, scores: true }, where: { status: In(['recommended', 'in_review']) } }),
  ]);
  return {
    projectsActive: active,
    projectsInRework: rework,
    projects,
    nominationsToScore: nominations.filter((n) => !n.scores.some((s) => s.assessorId === assessorId)).length,
  };
}
