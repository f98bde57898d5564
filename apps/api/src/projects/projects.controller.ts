import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiZodBody, ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  AcceptanceService,
  CancelProjectSchema,
  ContractService,
  CreateAcceptanceSchema,
  CreateMilestoneSchema,
  CreateMonitoringReportSchema,
  CreateProjectLogSchema,
  ListProjectsSchema,
  PageSchema,
  ProjectTrackingService,
  ProjectsService,
  UpdateMilestoneSchema,
} from '@smedx/projects';
import type {
  CancelProjectInput,
  CreateAcceptanceInput,
  CreateMilestoneInput,
  CreateMonitoringReportInput,
  CreateProjectLogInput,
  ListProjectsQuery,
  PageInput,
  UpdateMilestoneInput,
} from '@smedx/projects';
import { UuidParam } from '../http/query.js';

// Parsed as objects so that a 400 names the parameter (`mid: must be a UUID`).
const MilestoneParams = z.object({ id: UuidParam, mid: UuidParam });
const ContractQuery = z.object({
  format: z.enum(['html', 'pdf'], { error: 'must be html or pdf' }).optional(),
});

/** `Accept: application/pdf` (and not a stronger preference for HTML) asks for the PDF. */
export function prefersPdf(accept: string | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(type!.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const pdf = weights.get('application/pdf') ?? 0;
  return pdf > 0 && pdf >= (weights.get('text/html') ?? 0);
}

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly tracking: ProjectTrackingService,
    private readonly acceptances: AcceptanceService,
    private readonly contracts: ContractService,
  ) {}

  @Get()
  @ApiOperation({ summary: "An enterprise's or provider's projects (organisationId, its members); officers and assessors list all" })
  @ApiZodQuery(ListProjectsSchema)
  list(@CurrentUser() actor: Principal, @Query(new ZodPipe(ListProjectsSchema)) query: ListProjectsQuery) {
    return this.projects.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A project with milestones, monitoring reports and acceptances (the parties, assessors, officers; 404 for others)',
  })
  get(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.projects.get(actor, id);
  }

  @Post(':id/milestones')
  @ApiOperation({ summary: 'Add a milestone {title, plannedDate} (members of either party; 409 once accepted or cancelled)' })
  @ApiZodBody(CreateMilestoneSchema)
  addMilestone(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CreateMilestoneSchema)) input: CreateMilestoneInput,
  ) {
    return this.tracking.addMilestone(actor, id, input);
  }

  @Patch(':id/milestones/:mid')
  @ApiOperation({
    summary: 'Re-plan a milestone or move its status (planned → in_progress → done, or cancelled); done takes actualDate',
  })
  @ApiZodBody(UpdateMilestoneSchema)
  updateMilestone(
    @CurrentUser() actor: Principal,
    @Param(new ZodPipe(MilestoneParams)) params: z.infer<typeof MilestoneParams>,
    @Body(new ZodPipe(UpdateMilestoneSchema)) patch: UpdateMilestoneInput,
  ) {
    return this.tracking.updateMilestone(actor, params.id, params.mid, patch);
  }

  @Get(':id/logs')
  @ApiOperation({ summary: 'The service-tracking log (服务跟踪), newest first' })
  @ApiZodQuery(PageSchema)
  logs(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string, @Query(new ZodPipe(PageSchema)) page: PageInput) {
    return this.tracking.listLogs(actor, id, page);
  }

  @Post(':id/logs')
  @ApiOperation({ summary: 'Write a service-tracking entry (服务跟踪) as the enterprise or the provider' })
  @ApiZodBody(CreateProjectLogSchema)
  addLog(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CreateProjectLogSchema)) input: CreateProjectLogInput,
  ) {
    return this.tracking.addLog(actor, id, input);
  }

  @Post(':id/reports')
  @Roles('assessor')
  @ApiOperation({ summary: "An assessor's monitoring report (过程监测) {summary, findings, progressPercent, risks}" })
  @ApiZodBody(CreateMonitoringReportSchema)
  addReport(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CreateMonitoringReportSchema)) input: CreateMonitoringReportInput,
  ) {
    return this.tracking.addReport(actor, id, input);
  }

  @Post(':id/acceptance')
  @Roles('assessor')
  @ApiOperation({
    summary:
      'Acceptance (验收测评) by an assessor: pass → accepted, a case, level set, provider record updated; fail → rework, accept again later',
  })
  @ApiZodBody(CreateAcceptanceSchema)
  accept(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CreateAcceptanceSchema)) input: CreateAcceptanceInput,
  ) {
    return this.acceptances.record(actor, id, input);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('city_officer')
  @ApiOperation({ summary: 'Stop a running project (city officers), with a reason' })
  @ApiZodBody(CancelProjectSchema)
  cancel(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CancelProjectSchema)) input: CancelProjectInput,
  ) {
    return this.projects.cancel(actor, id, input.reason);
  }

  @Get(':id/contract')
  @ApiOperation({
    summary: 'The standard contract (标准化合同): printable HTML, or PDF with `Accept: application/pdf` (or ?format=pdf)',
  })
  @ApiHeader({ name: 'Accept', required: false, description: 'application/pdf for the PDF; HTML otherwise' })
  @ApiZodQuery(ContractQuery)
  @ApiProduces('text/html', 'application/pdf')
  async contract(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(ContractQuery)) query: z.infer<typeof ContractQuery>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    reply.header('vary', 'Accept');
    if (query.format === 'pdf' || (!query.format && prefersPdf(accept))) {
      const { contractNo, pdf } = await this.contracts.pdf(actor, id);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `inline; filename="contract-${contractNo}.pdf"`);
      return pdf;
    }
    const { html } = await this.contracts.html(actor, id);
    reply.header('content-type', 'text/html; charset=utf-8');
    return html;
  }
}
