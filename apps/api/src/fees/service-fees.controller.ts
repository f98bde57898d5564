import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { CreateServiceFeeSchema, ListServiceFeesSchema, ServiceFeesService } from '@smedx/fees';
import type { CreateServiceFeeInput, ListServiceFeesQuery, ServiceFeeView, ServiceFeesPage } from '@smedx/fees';

@ApiTags('service-fees')
@ApiBearerAuth()
@Controller('service-fees')
export class ServiceFeesController {
  constructor(private readonly fees: ServiceFeesService) {}

  @Post()
  @Roles('city_officer', 'district_officer')
  @ApiOperation({
    summary:
      'Record a fee {enterpriseId, kind: diagnosis|acceptance_monitoring, amountFen, serviceOrganisationName, serviceOrganisationId?, paidAt?, reference?}; 409 naming the remaining amount above the cap (7,000 / 10,000 CNY per enterprise)',
  })
  @ApiZodBody(CreateServiceFeeSchema)
  record(
    @CurrentUser() actor: Principal,
    @Body(new ZodPipe(CreateServiceFeeSchema)) input: CreateServiceFeeInput,
  ): Promise<ServiceFeeView> {
    return this.fees.record(actor, input);
  }

  @Get()
  @ApiOperation({ summary: 'Fees by enterprise, service organisation and kind, with sums and (with enterpriseId) the caps left' })
  @ApiZodQuery(ListServiceFeesSchema)
  list(@CurrentUser() actor: Principal, @Query(new ZodPipe(ListServiceFeesSchema)) query: ListServiceFeesQuery): Promise<ServiceFeesPage> {
    return this.fees.list(actor, query);
  }
}
