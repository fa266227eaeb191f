import { Injectable } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { AggregateReportsRequest, AggregateView } from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import { ServiceClient } from '@sanshen/platform';
import { DataSource } from 'typeorm';
import { AgencyOrmEntity } from '../../persistence/identity.orm-entities.js';

/**
 * 本级汇总 over the agencies of this installation: identity (here) knows which agencies owe a report,
 * drafting (which checks the caller's role) sums the reports it holds.
 */
@Injectable()
export class AggregateAnnualReportsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly client: ServiceClient,
  ) {}

  async execute(actor: Actor, correlationId: string, year: number): Promise<AggregateView> {
    const agencies = await this.dataSource.manager.find(AgencyOrmEntity, { order: { name: 'ASC' } });
    return this.client.send<AggregateView, AggregateReportsRequest>(DRAFTING_RPC.aggregate, {
      actor,
      correlationId,
      payload: { year, expectedAgencies: agencies.map((agency) => ({ id: agency.id, name: agency.name })) },
    });
  }
}
