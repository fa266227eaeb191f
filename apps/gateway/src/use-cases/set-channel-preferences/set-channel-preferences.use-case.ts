import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import type { ChannelKind } from '../../domain/channels/channel-kinds.js';
import { changePreferences } from '../../domain/channels/channel-settings.js';
import { ChannelSettingsRepository } from '../../persistence/channel-settings.repository.js';
import { ShowChannelPreferencesUseCase } from '../show-channel-preferences/show-channel-preferences.use-case.js';
import type { ChannelPreferencesView } from '../show-channel-preferences/show-channel-preferences.use-case.js';

/** A person chooses, for themselves only, which channels also bring them notices, and their mobile number for SMS. */
@Injectable()
export class SetChannelPreferencesUseCase {
  constructor(
    private readonly settings: ChannelSettingsRepository,
    private readonly show: ShowChannelPreferencesUseCase,
  ) {}

  async execute(actor: Actor, change: { channels: ChannelKind[]; phone?: string | null }): Promise<ChannelPreferencesView> {
    const changed = changePreferences(await this.settings.preferences(actor.userId), change);
    if (!changed.ok) throw new DomainError(changed.code);
    await this.settings.savePreferences(actor.userId, changed.value);
    return this.show.execute(actor);
  }
}
