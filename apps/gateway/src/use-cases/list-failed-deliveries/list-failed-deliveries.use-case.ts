import { Injectable } from '@nestjs/common';
import type { Actor } from '@sanshen/kernel';
import { ChannelDeliveryQueue } from '../../adapters/channels/channel-delivery.queue.js';
import type { FailedDeliveryView } from '../../adapters/channels/channel-delivery.queue.js';
import { requireOwnAgencyAdmin } from '../agency-channel-access.js';

/** The dead letters of the agency's outbound notices: deliveries that used up their attempts, with the reason. */
@Injectable()
export class ListFailedDeliveriesUseCase {
  constructor(private readonly queue: ChannelDeliveryQueue) {}

  async execute(actor: Actor, agencyId: string, limit: number): Promise<{ items: FailedDeliveryView[] }> {
    requireOwnAgencyAdmin(actor, agencyId);
    return { items: await this.queue.failed(agencyId, limit) };
  }
}
