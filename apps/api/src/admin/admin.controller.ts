import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody, ApiZodQuery, CurrentUser, JobsAdminService, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { JOB_STATUSES } from '@smedx/contracts';
import type { JobPageView, JobView, Page, SmsMessageView, UserView } from '@smedx/contracts';
import { GrantRoleSchema, UserAdministrationService } from '@smedx/identity';
import type { GrantRoleInput } from '@smedx/identity';
import { SmsMessagesService } from '@smedx/notifications';
import { PageQuery, UuidParam } from '../http/query.js';

const JobsQuery = PageQuery.extend({
  state: z.enum(JOB_STATUSES).default('dead'),
});
const UsersQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
const SmsMessagesQuery = PageQuery.extend({
  mobile: z
    .string()
    .trim()
    .regex(/^\d{11}$/, 'must be 11 digits')
    .optional(),
});
const JobId = z.coerce.number().int().positive('must be a job id');

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly userAdministration: UserAdministrationService,
    private readonly jobs: JobsAdminService,
    private readonly smsMessages: SmsMessagesService,
  ) {}

  @Get('users')
  @ApiZodQuery(UsersQuery)
  users(@Query(new ZodPipe(UsersQuery)) q: z.infer<typeof UsersQuery>): Promise<Page<UserView>> {
    return this.userAdministration.listUsers(q.q, q.page, q.pageSize);
  }

  @Post('users/:id/roles')
  @ApiOperation({ summary: 'Grant a platform role (district officers need a district)' })
  @ApiZodBody(GrantRoleSchema)
  grant(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(GrantRoleSchema)) input: GrantRoleInput,
  ): Promise<UserView> {
    return this.userAdministration.grantRole(actor, id, input);
  }

  @Delete('users/:id/roles/:role')
  revoke(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Param('role') role: string,
    @Query('district') district?: string,
  ): Promise<UserView> {
    return this.userAdministration.revokeRole(actor, id, role, district);
  }

  @Get('jobs')
  @ApiOperation({ summary: 'Background jobs by state (default: dead letters)' })
  @ApiZodQuery(JobsQuery)
  async listJobs(@Query(new ZodPipe(JobsQuery)) q: z.infer<typeof JobsQuery>): Promise<JobPageView> {
    const [page, counts] = await Promise.all([this.jobs.list(q.state, q.page, q.pageSize), this.jobs.counts()]);
    return { ...page, page: q.page, pageSize: q.pageSize, counts };
  }

  @Post('jobs/:id/retry')
  @ApiOperation({ summary: 'Run a dead job again from its first attempt' })
  retry(@Param('id', new ZodPipe(JobId)) id: number): Promise<JobView> {
    return this.jobs.retry(id);
  }

  @Get('sms-messages')
  @ApiOperation({ summary: 'Text messages kept without an SMS provider (SMS_PROVIDER unset): sign-in codes, newest first' })
  @ApiZodQuery(SmsMessagesQuery)
  listSmsMessages(@Query(new ZodPipe(SmsMessagesQuery)) q: z.infer<typeof SmsMessagesQuery>): Promise<Page<SmsMessageView>> {
    return this.smsMessages.list(q.mobile, q.page, q.pageSize);
  }
}
