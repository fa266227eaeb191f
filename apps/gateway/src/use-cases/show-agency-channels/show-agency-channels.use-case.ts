import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@sanshen/kernel';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import { CHANNEL_KINDS } from '../../domain/channels/channel-kinds.js';
import { agencyChannelView } from '../../domain/channels/channel-settings.js';
import type { AgencyChannelView } from '../../domain/channels/channel-settings.js';
import { ChannelSettingsRepository } from '../../persistence/channel-settings.repository.js';
import { requireOwnAgencyAdmin } from '../agency-channel-access.js';

export interface AgencyChannelsView {
  items: AgencyChannelView[];
  /** Whether the system has an SMS provider (SMS can be enabled). */
  smsAvailable: boolean;
  /** The hosts a robot's webhook may point at (CHANNEL_ALLOWED_HOSTS). */
  allowedHosts: string[];
}

/** The agency's outbound channels as its admin sees them: every channel, secrets masked. */
@Injectable()
export class ShowAgencyChannelsUseCase {
  constructor(
    private readonly settings: ChannelSettingsRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(actor: Actor, agencyId: string): Promise<AgencyChannelsView> {
    requireOwnAgencyAdmin(actor, agencyId);
    const stored = await this.settings.agencyChannels(agencyId);
    return {
      items: CHANNEL_KINDS.map((channel) => agencyChannelView(channel, stored.find((setting) => setting.channel === channel) ?? null)),
      smsAvailable: this.config.channels.sms !== null,
      allowedHosts: this.config.channels.allowedHosts,
    };
  }
}
