import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { ChannelDeliveryDispatcher } from '../../adapters/channels/channel-delivery.dispatcher.js';
import { ChannelDeliveryQueue } from '../../adapters/channels/channel-delivery.queue.js';
import { ChannelDeliveryRepository } from '../../persistence/channel-delivery.repository.js';
import { requireOwnAgencyAdmin } from '../agency-channel-access.js';

/**
 * The agency admin puts a failed delivery back in the queue (after fixing the webhook, say): its
 * attempts start afresh. Its old job is dropped while the record is locked (Redis away: nothing
 * changes); the record goes back to pending and the dispatcher queues it.
 */
@Injectable()
export class RequeueDeliveryUseCase {
  constructor(
    private readonly deliveries: ChannelDeliveryRepository,
    private readonly queue: ChannelDeliveryQueue,
    private readonly dispatcher: ChannelDeliveryDispatcher,
  ) {}

  async execute(actor: Actor, agencyId: string, deliveryId: string): Promise<{ id: string; state: 'requeued' }> {
    requireOwnAgencyAdmin(actor, agencyId);
    const outcome = await this.deliveries.reopen(agencyId, deliveryId, () => this.queue.forget(deliveryId));
    if (outcome === 'not_found') throw new DomainError('CHANNEL.DELIVERY_NOT_FOUND', { deliveryId });
    if (outcome === 'not_failed') throw new DomainError('CHANNEL.DELIVERY_NOT_FAILED', { deliveryId });
    this.dispatcher.nudge();
    return { id: deliveryId, state: 'requeued' };
  }
}
