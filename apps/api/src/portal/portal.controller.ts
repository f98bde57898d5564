import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@smedx/platform';
import { PortalService } from '@smedx/portal';

/** The public portal (门户): what a visitor sees before signing in. */
@ApiTags('portal')
@Controller('portal')
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'The public home in one call, without a token: headline figures, featured and newest solutions, newest open needs, coming events, solution counts per scenario and industry',
  })
  overview() {
    return this.portal.overview();
  }
}
