import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { DelegationListView, DelegationView } from '@sanshen/contracts';
import { DelegatedDuties } from '../auth/delegated-duties.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { DELEGATION_EXAMPLE } from './openapi/examples.js';
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

  @ApiRoute({
    summary: '委托审核',
    description: '审核人把本人的审核职责在一段时间内委托给本单位的另一人（代签）；委托期间被委托人以“X 代 Y”签署。',
    answer: { json: DELEGATION_EXAMPLE },
    errors: ['REVIEW.NOT_A_REVIEWER', 'REVIEW.DELEGATION_INVALID', 'IDENTITY.USER_NOT_FOUND'],
  })
  @Post()
  async create(@Ctx() context: RequestContext, @Body() dto: CreateDelegationDto): Promise<DelegationView> {
    const delegation = await this.services.send<DelegationView>(REVIEW_RPC.delegate, context, { toUserId: dto.toUserId, from: dto.from, until: dto.until });
    this.duties.forget(delegation.toUserId);
    return delegation;
  }

  @ApiRoute({
    summary: '委托列表',
    description: '调用者给出的（given）与接受的（received）尚未结束的审核委托。',
    answer: { json: { given: [DELEGATION_EXAMPLE], received: [] } },
    errors: [],
  })
  @Get()
  list(@Ctx() context: RequestContext): Promise<DelegationListView> {
    return this.services.send(REVIEW_RPC.delegations, context, {});
  }

  @ApiRoute({
    summary: '撤销委托',
    description: '委托人提前撤销本人给出的审核委托。',
    answer: { json: { ...DELEGATION_EXAMPLE, revokedAt: '2026-12-08T10:00:00.000Z' } },
    errors: ['REVIEW.DELEGATION_NOT_FOUND'],
  })
  @Delete(':id')
  async revoke(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<DelegationView> {
    const delegation = await this.services.send<DelegationView>(REVIEW_RPC.revokeDelegation, context, { delegationId: id });
    this.duties.forget(delegation.toUserId);
    return delegation;
  }
}
