import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@smedx/platform';
import { taxonomies } from '@smedx/taxonomy';
import type { TaxonomiesView } from '@smedx/contracts';

@ApiTags('directory')
@Controller('taxonomies')
export class TaxonomiesController {
  @Get()
  @Public()
  @ApiOperation({ summary: 'Industries (3+N), districts, scenarios, delivery modes and more, each {code, name}' })
  list(): TaxonomiesView {
    return taxonomies();
  }
}
