import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AggregateView } from '@sanshen/contracts';
import { AggregateAnnualReportsUseCase } from '../../use-cases/aggregate-annual-reports/aggregate-annual-reports.use-case.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { IDS } from './openapi/examples.js';
import { AggregateQueryDto } from './dto/document.dto.js';

@ApiTags('annual-reports')
@ApiBearerAuth()
@Controller('api/v1/annual-reports')
export class AnnualReportsController {
  constructor(private readonly aggregate: AggregateAnnualReportsUseCase) {}

  /** 本级汇总: the summed tables of the agencies' reports for a year, with missing and failing agencies. */
  @ApiRoute({
    summary: '本级汇总',
    description: '主要领导查看某一年度各机关最终（已发布或导入）年度报告的汇总表，并列出未报送与校验未通过的机关；其他机关的报告只在发布后以 ID 和状态标明。',
    answer: {
      json: {
        year: 2025,
        format: '2021',
        tables: { applications: { newReceived: { total: 128 } } },
        incompleteCells: [],
        included: [{ agencyId: IDS.agency, agencyName: '海东市工业和信息化局', documentId: IDS.document, version: 5, status: 'published' }],
        missing: [{ agencyId: IDS.department, agencyName: '海东市教育局', reason: '尚无最终报告' }],
        failing: [],
      },
    },
    errors: ['DOCUMENT.ROLE_NOT_ALLOWED', 'ANNUAL_REPORT.YEAR_UNSUPPORTED'],
  })
  @Get('aggregate')
  aggregateReports(@Ctx() context: RequestContext, @Query() query: AggregateQueryDto): Promise<AggregateView> {
    return this.aggregate.execute(context.actor, context.correlationId, query.year);
  }
}
