import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, ForbiddenError, UnitOfWork, hasRole, isMember } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DirectoryService, maySeeEnterpriseDetails } from '@smedx/directory';
import type { Enterprise, Page } from '@smedx/directory';
import { INDUSTRIES, nameOf } from '@smedx/taxonomy';
import { commonWeaknesses } from './common-needs.js';
import { Diagnosis } from './diagnosis.entity.js';
import type { AdvisoryReason, DiagnosisKind } from './diagnosis.entity.js';
import { diagnosisView } from './diagnosis.views.js';
import type { CommonNeedsReport, DiagnosisView } from './diagnosis.views.js';
import type { CommonNeedsQuery, FileDiagnosisInput } from './dto/diagnosis.dto.js';
import { QUESTIONNAIRE } from './questionnaire.js';
import { scoreDiagnosis } from './scoring.js';

/**
 * Diagnosis (评估诊断) against MIIT's 2024 indicators. An assessor files on-site assessments for
 * any enterprise and they set its official level; the enterprise's members file self-checks, which
 * set the level only for an enterprise outside the pilot pool that no assessor has assessed yet
 * (for pilot enterprises only an on-site assessment counts). Members, officers in scope, assessors
 * and organisations holding the enterprise's `diagnosis` consent read the results.
 */
@Injectable()
export class DiagnosesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Scores the answers and records the diagnosis, setting the enterprise's level where it counts, in one transaction. */
  async file(principal: Principal, enterpriseId: string, input: FileDiagnosisInput): Promise<DiagnosisView> {
    const kind: DiagnosisKind = input.kind ?? (hasRole(principal, 'assessor') ? 'assessment' : 'self_check');
    return this.uow.run(async (tx) => {
      // Locked: whether a self-check counts depends on the level's source, which a concurrent assessment may change.
      const enterprise = await this.directory.lockEnterprise(tx, enterpriseId);
      if (kind === 'assessment' && !hasRole(principal, 'assessor')) {
        throw new ForbiddenError('only assessors file an on-site assessment', 'not_assessor');
      }
      if (kind === 'self_check' && !isMember(principal, enterpriseId)) {
        throw new ForbiddenError("only the enterprise's members file its self-check", 'not_enterprise_member');
      }
      const result = scoreDiagnosis(input);
      const advisoryReason = kind === 'self_check' ? selfCheckAdvisory(enterprise) : null;
      const official = advisoryReason === null;
      const diagnosis = await tx.save(
        tx.create(Diagnosis, {
          enterpriseId,
          industry: enterprise.industry,
          district: enterprise.district,
          kind,
          official,
          advisoryReason,
          filedBy: principal.userId,
          questionnaireVersion: QUESTIONNAIRE.version,
          answers: result.answers,
          sceneLevels: result.sceneLevels,
          score: result.score,
          level: result.level,
          belowLevelOne: result.belowLevelOne,
          dimensions: result.dimensions,
          weakest: result.weakest,
          suggestions: result.suggestions,
          createdAt: this.clock.now(),
        }),
      );
      if (official) await this.directory.setDigitalLevel(tx, enterpriseId, result.level, kind);
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: kind === 'assessment' ? 'diagnosis.assessed' : 'diagnosis.self_checked',
        entityType: 'enterprise',
        entityId: enterpriseId,
        data: {
          diagnosisId: diagnosis.id,
          kind,
          official,
          advisoryReason,
          score: result.score,
          level: result.level,
          before: { level: enterprise.digitalLevel, source: enterprise.digitalLevelSource },
          after: official
            ? { level: result.level, source: kind }
            : { level: enterprise.digitalLevel, source: enterprise.digitalLevelSource },
        },
      });
      return diagnosisView(diagnosis);
    });
  }

  /** The enterprise's diagnoses, newest first (404 unknown enterprise, 403 without the right to read them). */
  async list(principal: Principal, enterpriseId: string, page: number, pageSize: number): Promise<Page<DiagnosisView>> {
    const enterprise = await this.directory.getEnterprise(enterpriseId);
    await this.assertMayRead(principal, enterprise);
    const [rows, total] = await this.dataSource.getRepository(Diagnosis).findAndCount({
      where: { enterpriseId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(diagnosisView), total, page, pageSize };
  }

  /**
   * 共性需求 and 个性需求 of an industry from the latest diagnosis of each enterprise whose latest
   * diagnosis falls in it. City officers, assessors and admins see every district; a district
   * officer only theirs (403 when asking for another).
   */
  async commonNeeds(principal: Principal, query: CommonNeedsQuery, page: number, pageSize: number): Promise<CommonNeedsReport> {
    const districts = this.districtScope(principal, query.district);
    // Every diagnosis of the enterprises ever diagnosed in the industry, newest first: the first row of each is its latest.
    const rows = await this.dataSource
      .getRepository(Diagnosis)
      .createQueryBuilder('d')
      .where((qb) => {
        const inIndustry = qb.subQuery().select('x.enterpriseId').from(Diagnosis, 'x').where('x.industry = :industry').getQuery();
        return `d.enterpriseId IN ${inIndustry}`;
      })
      .setParameter('industry', query.industry)
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .getMany();
    const latest = new Map<string, Diagnosis>();
    for (const row of rows) if (!latest.has(row.enterpriseId)) latest.set(row.enterpriseId, row);
    const diagnosed = [...latest.values()].filter((d) => d.industry === query.industry && (!districts || districts.includes(d.district)));

    const commonNeeds = commonWeaknesses(diagnosed, query.minShare);
    const common = new Set(commonNeeds.map((c) => `${c.kind}:${c.key}`));
    const ordered = diagnosed.sort((a, b) => a.score - b.score || a.enterpriseId.localeCompare(b.enterpriseId));
    const onPage = ordered.slice((page - 1) * pageSize, page * pageSize);
    const names = new Map((await this.directory.enterprisesByIds(onPage.map((d) => d.enterpriseId))).map((e) => [e.id, e.name]));
    return {
      industry: { code: query.industry, name: nameOf(INDUSTRIES, query.industry) ?? query.industry },
      district: query.district ?? null,
      minShare: query.minShare,
      diagnosedEnterprises: diagnosed.length,
      commonNeeds,
      individualNeeds: {
        items: onPage.map((d) => ({
          enterpriseId: d.enterpriseId,
          enterpriseName: names.get(d.enterpriseId) ?? '',
          district: d.district,
          diagnosisId: d.id,
          kind: d.kind,
          official: d.official,
          score: d.score,
          level: d.level,
          diagnosedAt: d.createdAt,
          needs: d.suggestions.filter((s) => !common.has(`${s.kind}:${s.basis}`)),
        })),
        total: ordered.length,
        page,
        pageSize,
      },
    };
  }

  /** Members and those who see the enterprise's private fields, or an organisation of the caller holding its `diagnosis` consent. */
  private async assertMayRead(principal: Principal, enterprise: Enterprise): Promise<void> {
    if (maySeeEnterpriseDetails(principal, enterprise)) return;
    for (const m of principal.memberships) {
      if (await this.directory.hasConsent(enterprise.id, m.organisationId, 'diagnosis')) return;
    }
    throw new ForbiddenError(
      "only the enterprise's members, officers in scope, assessors and organisations it granted its diagnosis consent read its diagnoses",
      'no_diagnosis_consent',
    );
  }

  /** The districts the caller may see (null: all), narrowed to `district` if given. */
  private districtScope(principal: Principal, district: string | undefined): string[] | null {
    if (hasRole(principal, 'city_officer', 'assessor', 'admin')) return district ? [district] : null;
    const own = principal.roles.flatMap((g) => (g.role === 'district_officer' && g.district ? [g.district] : []));
    if (district && !own.includes(district))
      throw new ForbiddenError('a district officer sees the common needs of their own district only');
    return district ? [district] : own;
  }
}

/**
 * Why a self-check may not set the enterprise's level, or null when it may: in the pilot pool only
 * an on-site assessment counts; elsewhere a level an assessor found (by assessment or acceptance)
 * is not overwritten by the enterprise's own answers. Only those two set the level's source to
 * `assessment` or `acceptance`, so the source tells whether an assessor has been.
 */
function selfCheckAdvisory(enterprise: Enterprise): AdvisoryReason | null {
  if (enterprise.pilotBatch) return 'pilot_enterprise';
  return enterprise.digitalLevelSource === 'assessment' || enterprise.digitalLevelSource === 'acceptance' ? 'assessed' : null;
}
