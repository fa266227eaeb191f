import { Injectable } from '@nestjs/common';
import type { Actor } from '@sanshen/kernel';
import type { ChannelKind } from '../../domain/channels/channel-kinds.js';
import { preferencesView } from '../../domain/channels/channel-settings.js';
import type { ChannelPreferences } from '../../domain/channels/channel-settings.js';
import { ChannelSettingsRepository } from '../../persistence/channel-settings.repository.js';

export interface ChannelPreferencesView extends ChannelPreferences {
  /** The channels the person's agency has enabled: only these reach them. */
  available: ChannelKind[];
}

/** The caller's own channel preferences (the mobile number masked) and what their agency offers. */
@Injectable()
export class ShowChannelPreferencesUseCase {
  constructor(private readonly settings: ChannelSettingsRepository) {}

  async execute(actor: Actor): Promise<ChannelPreferencesView> {
    const [preferences, agency] = await Promise.all([this.settings.preferences(actor.userId), this.settings.agencyChannels(actor.agencyId)]);
    return { ...preferencesView(preferences), available: agency.filter((setting) => setting.enabled).map((setting) => setting.channel) };
  }
}
