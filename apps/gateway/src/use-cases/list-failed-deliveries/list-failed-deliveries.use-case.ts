import { Injectable } from '@nestjs/common';
import type { Actor } from '@sanshen/kernel';
import type { FailedDeliveryView } from '../../domain/channels/channel-delivery.js';
import { ChannelDeliveryRepository } from '../../persistence/channel-delivery.repository.js';
import { requireOwnAgencyAdmin } from '../agency-channel-access.js';

/** The dead letters of the agency's outbound notices: deliveries that used up their attempts, with the reason. */
@Injectable()
export class ListFailedDeliveriesUseCase {
  constructor(private readonly deliveries: ChannelDeliveryRepository) {}

  async execute(actor: Actor, agencyId: string, limit: number): Promise<{ items: FailedDeliveryView[] }> {
    requireOwnAgencyAdmin(actor, agencyId);
    return { items: await this.deliveries.failed(agencyId, limit) };
  }
}
