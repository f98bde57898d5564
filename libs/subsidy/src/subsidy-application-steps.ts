import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError, NotFoundError, isMember, isUuid } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { NotificationsService } from '@smedx/notifications';
import { SUBSIDY_STATE_MACHINE } from '@smedx/contracts';
import type { SubsidyAction } from '@smedx/contracts';
import { SubsidyApplication } from './entities/subsidy-application.entity.js';
import { mayReadApplication } from './subsidy.policy.js';

/**
 * How a step on an application is written, whichever service takes it: the
 * row loaded under its lock, the change written conditionally on the status
 * read, the enterprise told.
 */
@Injectable()
export class SubsidyApplicationSteps {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** The application with its row locked for the transaction on PostgreSQL (SQLite runs write transactions one at a time). */
  async load(tx: EntityManager, id: string): Promise<SubsidyApplication> {
    const qb = tx.getRepository(SubsidyApplication).createQueryBuilder('a').where('a.id = :id', { id });
    if (this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write');
    const application = isUuid(id) ? await qb.getOne() : null;
    if (!application) throw new NotFoundError('subsidy_application', id);
    return application;
  }

  /** The application for a member of its enterprise: 404 for those who may not see it, 403 for officers. */
  async forEnterpriseMember(tx: EntityManager, actor: Principal, id: string, message: string): Promise<SubsidyApplication> {
    const application = await this.load(tx, id);
    if (!mayReadApplication(actor, application)) throw new NotFoundError('subsidy_application', id);
    if (!isMember(actor, application.enterpriseId)) throw new ForbiddenError(message, 'not_member');
    return application;
  }

  /** Writes a change conditional on the status read: a concurrent change makes it a 409 naming the new status. */
  async transition(
    tx: EntityManager,
    application: SubsidyApplication,
    action: SubsidyAction,
    changes: Partial<SubsidyApplication>,
  ): Promise<void> {
    const result = await tx.update(SubsidyApplication, { id: application.id, status: application.status }, changes);
    if (!result.affected) {
      const current = await tx.findOneBy(SubsidyApplication, { id: application.id });
      SUBSIDY_STATE_MACHINE.next(current?.status ?? application.status, action);
      throw new ConflictError('subsidy_application_changed', 'the application changed meanwhile; reload and try again');
    }
  }

  /** Tells the enterprise's members of a step, once per step unless `dedupeKey` says otherwise. */
  async notifyEnterprise(
    tx: EntityManager,
    application: Pick<SubsidyApplication, 'id' | 'enterpriseId' | 'status' | 'history'>,
    kind: string,
    title: string,
    body: string,
    dedupeKey = `${kind}:${application.id}:${application.history.length}`,
  ): Promise<void> {
    await this.notifications.notify(tx, {
      recipients: { organisationIds: [application.enterpriseId] },
      kind,
      title,
      body,
      link: `/subsidy-applications/${application.id}`,
      data: { applicationId: application.id, status: application.status },
      dedupeKey,
    });
  }
}
