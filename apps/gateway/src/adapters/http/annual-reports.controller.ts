import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AggregateView } from '@sanshen/contracts';
import { AggregateAnnualReportsUseCase } from '../../use-cases/aggregate-annual-reports/aggregate-annual-reports.use-case.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { AggregateQueryDto } from './dto/document.dto.js';

@ApiTags('annual-reports')
@ApiBearerAuth()
@Controller('api/v1/annual-reports')
export class AnnualReportsController {
  constructor(private readonly aggregate: AggregateAnnualReportsUseCase) {}

  /** 本级汇总: the summed tables of the agencies' reports for a year, with missing and failing agencies. */
  @Get('aggregate')
  aggregateReports(@Ctx() context: RequestContext, @Query() query: AggregateQueryDto): Promise<AggregateView> {
    return this.aggregate.execute(context.actor, context.correlationId, query.year);
  }
}
