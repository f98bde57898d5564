import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { DocumentOwners } from '@smedx/documents';
import type { DocumentKindRule, DocumentOwnerAccess, DocumentOwnerType } from '@smedx/documents';
import { Project } from './entities/project.entity.js';
import { mayReadProject, projectSide } from './project.policy.js';

export const PROJECT_DOCUMENT_OWNER = 'project';

/**
 * The evidence of a project's acceptance (验收测评): the test report and the
 * evidence of data integration (数据贯通) are what the assessor's verdict
 * rests on; delivery records and other material go alongside.
 */
export const ACCEPTANCE_DOCUMENT_KINDS: readonly DocumentKindRule[] = Object.freeze([
  { kind: 'test_report', name: '测试报告', required: true },
  { kind: 'data_integration', name: '数据贯通证明', required: true },
  { kind: 'delivery_record', name: '交付记录', required: false },
  { kind: 'other', name: '其他材料', required: false },
]);

/** Projects as owners of acceptance evidence, under the project's own read policy. */
@Injectable()
export class ProjectDocumentOwner implements DocumentOwnerType, OnModuleInit {
  readonly ownerKind = PROJECT_DOCUMENT_OWNER;
  readonly label = '改造项目验收';
  readonly kinds = ACCEPTANCE_DOCUMENT_KINDS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly owners: DocumentOwners,
  ) {}

  onModuleInit(): void {
    this.owners.register(this);
  }

  async access(actor: Principal | null, id: string, tx?: EntityManager): Promise<DocumentOwnerAccess | null> {
    const project = await (tx ?? this.dataSource.manager).findOneBy(Project, { id });
    if (!project) return null;
    const read = !!actor && mayReadProject(actor, project);
    const open = project.status === 'active' || project.status === 'rework';
    return {
      read,
      // The parties deliver the evidence, the assessor adds the test report.
      attach: read && (projectSide(actor!, project) !== null || hasRole(actor, 'assessor')),
      review: read && hasRole(actor, 'assessor') && open,
      frozen: !open,
      organisationId: project.enterpriseId,
    };
  }
}
