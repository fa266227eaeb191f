import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { DelegationView } from '@sanshen/contracts';
import type { DelegateCandidate } from '../../persistence/organisation.repository.js';
import { ListDelegatesUseCase } from '../../use-cases/list-delegates/list-delegates.use-case.js';
import { ListDelegationsUseCase } from '../../use-cases/list-delegations/list-delegations.use-case.js';
import type { NamedDelegation } from '../../use-cases/list-delegations/list-delegations.use-case.js';
import { DelegatedDuties } from '../auth/delegated-duties.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { DELEGATION_EXAMPLE, IDS } from './openapi/examples.js';
import { CreateDelegationDto, DelegatesQueryDto } from './dto/review.dto.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('review')
@ApiBearerAuth()
@Controller('api/v1/delegations')
export class DelegationsController {
  constructor(
    private readonly services: ServiceCalls,
    private readonly duties: DelegatedDuties,
    private readonly delegates: ListDelegatesUseCase,
    private readonly delegations: ListDelegationsUseCase,
  ) {}

  @ApiRoute({
    summary: '可委托的人员',
    description: '审核人设置代签时可选的受托人：本单位在职人员（不含本人、系统管理员和安全审计员），单位领导在前（科室为 null），其余按科室、姓名排列；可按姓名或科室名称查找。只给出姓名和科室。',
    answer: { json: { items: [{ id: IDS.reviewer, displayName: '王副局长', departmentName: null }, { id: IDS.drafter, displayName: '李娜', departmentName: '政策法规科' }] } },
    errors: ['REVIEW.NOT_A_REVIEWER'],
  })
  @Get('delegates')
  candidates(@Ctx() context: RequestContext, @Query() query: DelegatesQueryDto): Promise<{ items: DelegateCandidate[] }> {
    return this.delegates.execute(context.actor, query);
  }

  @ApiRoute({
    summary: '委托审核',
    description: '审核人把本人的审核职责在一段时间内委托给本单位的另一人（代签）；委托期间被委托人以“X 代 Y”签署。',
    answer: { json: DELEGATION_EXAMPLE },
    errors: ['REVIEW.NOT_A_REVIEWER', 'REVIEW.DELEGATION_INVALID', 'IDENTITY.USER_NOT_FOUND'],
  })
  @Post()
  async create(@Ctx() context: RequestContext, @Body() dto: CreateDelegationDto): Promise<DelegationView> {
    const delegation = await this.services.send<DelegationView>(REVIEW_RPC.delegate, context, { toUserId: dto.toUserId, from: dto.from, until: dto.until });
    this.duties.forget(delegation.toUserId, delegation.fromUserId);
    return delegation;
  }

  @ApiRoute({
    summary: '委托列表',
    description: '调用者给出的（given）与接受的（received）尚未结束的审核委托，附受托人姓名（toName）。',
    answer: { json: { given: [{ ...DELEGATION_EXAMPLE, toName: '李娜' }], received: [] } },
    errors: [],
  })
  @Get()
  list(@Ctx() context: RequestContext): Promise<{ given: NamedDelegation[]; received: NamedDelegation[] }> {
    return this.delegations.execute(context);
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
    this.duties.forget(delegation.toUserId, delegation.fromUserId);
    return delegation;
  }
}
