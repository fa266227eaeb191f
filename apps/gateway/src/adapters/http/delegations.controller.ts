import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { DelegationListView, DelegationView } from '@sanshen/contracts';
import { DelegatedDuties } from '../auth/delegated-duties.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { CreateDelegationDto } from './dto/review.dto.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/delegations')
export class DelegationsController {
  constructor(
    private readonly services: ServiceCalls,
    private readonly duties: DelegatedDuties,
  ) {}

  @Post()
  async create(@Ctx() context: RequestContext, @Body() dto: CreateDelegationDto): Promise<DelegationView> {
    const delegation = await this.services.send<DelegationView>(REVIEW_RPC.delegate, context, { toUserId: dto.toUserId, from: dto.from, until: dto.until });
    this.duties.forget(delegation.toUserId);
    return delegation;
  }

  @Get()
  list(@Ctx() context: RequestContext): Promise<DelegationListView> {
    return this.services.send(REVIEW_RPC.delegations, context, {});
  }

  @Delete(':id')
  async revoke(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<DelegationView> {
    const delegation = await this.services.send<DelegationView>(REVIEW_RPC.revokeDelegation, context, { delegationId: id });
    this.duties.forget(delegation.toUserId);
    return delegation;
  }
}
