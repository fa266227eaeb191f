import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { DataSource } from 'typeorm';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import type { ChannelKind } from '../../domain/channels/channel-kinds.js';
import { agencyChannelView, changeAgencyChannel } from '../../domain/channels/channel-settings.js';
import type { AgencyChannelChange, AgencyChannelView } from '../../domain/channels/channel-settings.js';
import { ChannelSettingsRepository } from '../../persistence/channel-settings.repository.js';
import { OrganisationRepository } from '../../persistence/organisation.repository.js';
import { requireOwnAgencyAdmin } from '../agency-channel-access.js';
import { recordIdentityAudit } from '../organisation-audit.js';

/**
 * The agency admin sets one outbound channel: enabled or not, a robot's webhook (allow-listed hosts
 * only) and 加签 secret, SMS's 签名. Recorded in the identity audit trail, without the secret.
 */
@Injectable()
export class ConfigureAgencyChannelUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ChannelSettingsRepository,
    private readonly organisation: OrganisationRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(actor: Actor, agencyId: string, channel: ChannelKind, change: AgencyChannelChange, correlationId: string): Promise<AgencyChannelView> {
    requireOwnAgencyAdmin(actor, agencyId);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.settings.agencyChannel(agencyId, channel, manager);
      const changed = changeAgencyChannel(channel, current, change, { allowedHosts: this.config.channels.allowedHosts, smsAvailable: this.config.channels.sms !== null });
      if (!changed.ok) throw new DomainError(changed.code, { channel });
      await this.settings.saveAgencyChannel(manager, agencyId, changed.value, actor.userId);
      await recordIdentityAudit(this.organisation, manager, actor, correlationId, {
        action: 'notice_channel.configure',
        targetType: 'agency',
        targetId: agencyId,
        details: {
          channel,
          enabled: changed.value.enabled,
          webhookHost: changed.value.webhookUrl === null ? null : new URL(changed.value.webhookUrl).host,
          secretChanged: change.secret !== undefined,
        },
      });
      return agencyChannelView(channel, changed.value);
    });
  }
}
