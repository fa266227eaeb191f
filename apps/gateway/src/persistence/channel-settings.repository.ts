import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ChannelKind } from '../domain/channels/channel-kinds.js';
import type { AgencyChannelSetting, ChannelPreferences } from '../domain/channels/channel-settings.js';
import { openSecret, sealSecret } from '../domain/channels/secret-box.js';
import { GATEWAY_CONFIG } from '../config/gateway.config.js';
import type { GatewayConfig } from '../config/gateway.config.js';

/** How long the channels an agency enabled are reused by the notices before they are read again. */
export const ENABLED_CHANNELS_TTL_MS = 5_000;

const SETTING_COLUMNS = `channel, enabled, webhook_url AS "webhookUrl", secret, msgtype, sign_name AS "signName"`;

/**
 * Agencies' channel settings and people's channel preferences (identity schema). A robot's webhook URL
 * (it carries the robot's key) and 加签 secret are sealed with CHANNEL_SECRETS_KEY when one is set.
 */
@Injectable()
export class ChannelSettingsRepository {
  private readonly key: Buffer | null;
  private readonly enabled = new LRUCache<string, ChannelKind[]>({ max: 10_000, ttl: ENABLED_CHANNELS_TTL_MS });

  constructor(
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.key = config.channels.secretsKey;
  }

  async agencyChannels(agencyId: string): Promise<AgencyChannelSetting[]> {
    const rows = (await this.dataSource.query(`SELECT ${SETTING_COLUMNS} FROM agency_notice_channels WHERE agency_id = $1 ORDER BY channel`, [
      agencyId,
    ])) as AgencyChannelSetting[];
    return rows.map((row) => this.opened(row));
  }

  /**
   * The channels an agency has enabled, asked for every notice: kept a few seconds, so a transition
   * costs no read of them. A change saved through this gateway is seen at once; through another
   * replica, within ENABLED_CHANNELS_TTL_MS.
   */
  async enabledChannels(agencyId: string): Promise<readonly ChannelKind[]> {
    const known = this.enabled.get(agencyId);
    if (known !== undefined) return known;
    const rows = (await this.dataSource.query('SELECT channel FROM agency_notice_channels WHERE agency_id = $1 AND enabled ORDER BY channel', [agencyId])) as {
      channel: ChannelKind;
    }[];
    const channels = rows.map((row) => row.channel);
    this.enabled.set(agencyId, channels);
    return channels;
  }

  async agencyChannel(agencyId: string, channel: ChannelKind, manager: EntityManager = this.dataSource.manager): Promise<AgencyChannelSetting | null> {
    const rows = (await manager.query(`SELECT ${SETTING_COLUMNS} FROM agency_notice_channels WHERE agency_id = $1 AND channel = $2`, [
      agencyId,
      channel,
    ])) as AgencyChannelSetting[];
    return rows[0] === undefined ? null : this.opened(rows[0]);
  }

  async saveAgencyChannel(manager: EntityManager, agencyId: string, setting: AgencyChannelSetting, by: string): Promise<void> {
    await manager.query(
      `INSERT INTO agency_notice_channels (agency_id, channel, enabled, webhook_url, secret, msgtype, sign_name, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (agency_id, channel) DO UPDATE SET enabled = $3, webhook_url = $4, secret = $5, msgtype = $6, sign_name = $7, updated_by = $8, updated_at = now()`,
      [agencyId, setting.channel, setting.enabled, this.sealed(setting.webhookUrl), this.sealed(setting.secret), setting.msgtype, setting.signName, by],
    );
    this.enabled.delete(agencyId);
  }

  async preferences(userId: string): Promise<ChannelPreferences | null> {
    return (await this.preferencesOf([userId])).get(userId) ?? null;
  }

  /** The preferences of these people (those who set none are absent). */
  async preferencesOf(userIds: readonly string[]): Promise<Map<string, ChannelPreferences>> {
    if (userIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT p.user_id AS "userId", p.channels, p.phone FROM user_notice_channels p JOIN users u ON u.id = p.user_id
        WHERE p.user_id = ANY($1::uuid[]) AND u.active`,
      [userIds],
    )) as (ChannelPreferences & { userId: string })[];
    return new Map(rows.map(({ userId, channels, phone }) => [userId, { channels, phone }]));
  }

  async savePreferences(userId: string, preferences: ChannelPreferences): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO user_notice_channels (user_id, channels, phone, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id) DO UPDATE SET channels = $2, phone = $3, updated_at = now()`,
      [userId, preferences.channels, preferences.phone],
    );
  }

  private sealed(value: string | null): string | null {
    return value === null ? null : sealSecret(value, this.key);
  }

  /** A setting whose sealed values cannot be opened (the key changed) reads as not configured. */
  private opened(row: AgencyChannelSetting): AgencyChannelSetting {
    return {
      ...row,
      webhookUrl: row.webhookUrl === null ? null : openSecret(row.webhookUrl, this.key),
      secret: row.secret === null ? null : openSecret(row.secret, this.key),
    };
  }
}
