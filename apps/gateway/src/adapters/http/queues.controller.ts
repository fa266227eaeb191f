import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PUBLICATION_RPC, QUEUE_JOB_STATES } from '@sanshen/contracts';
import type { QueueJobState, QueueOverview } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ServiceCalls } from './service-calls.js';

/** Operators' view of the publication push queue (administrators only; the service checks the role). */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('api/v1/admin/queues')
export class QueuesController {
  constructor(private readonly services: ServiceCalls) {}

  @Get('publication-push')
  @ApiQuery({ name: 'state', required: false, description: `comma-separated: ${QUEUE_JOB_STATES.join(', ')}` })
  @ApiQuery({ name: 'limit', required: false, description: 'jobs per state, 1–100 (default 20)' })
  publicationPush(@Ctx() context: RequestContext, @Query('state') state?: string, @Query('limit') limit?: string): Promise<QueueOverview> {
    const states = state === undefined || state === '' ? undefined : state.split(',');
    if (states?.some((value) => !(QUEUE_JOB_STATES as readonly string[]).includes(value))) {
      throw new DomainError('REQUEST.INVALID', { field: 'state' });
    }
    const parsedLimit = limit === undefined ? undefined : Number(limit);
    return this.services.send(PUBLICATION_RPC.queueOverview, context, {
      ...(states ? { states: states as QueueJobState[] } : {}),
      ...(parsedLimit === undefined ? {} : { limit: parsedLimit }),
    });
  }
}
