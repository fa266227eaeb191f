import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { ChannelDeliveryQueue } from '../../adapters/channels/channel-delivery.queue.js';
import { requireOwnAgencyAdmin } from '../agency-channel-access.js';

/** The agency admin puts a failed delivery back in the queue (after fixing the webhook, say): its attempts start afresh. */
@Injectable()
export class RequeueDeliveryUseCase {
  constructor(private readonly queue: ChannelDeliveryQueue) {}

  async execute(actor: Actor, agencyId: string, deliveryId: string): Promise<{ id: string; state: 'requeued' }> {
    requireOwnAgencyAdmin(actor, agencyId);
    const outcome = await this.queue.requeue(agencyId, deliveryId);
    if (outcome === 'not_found') throw new DomainError('CHANNEL.DELIVERY_NOT_FOUND', { deliveryId });
    if (outcome === 'not_failed') throw new DomainError('CHANNEL.DELIVERY_NOT_FAILED', { deliveryId });
    return { id: deliveryId, state: 'requeued' };
  }
}
