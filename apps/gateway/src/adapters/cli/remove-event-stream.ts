import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { streamName } from '@sanshen/contracts';
import type { BaseConfig } from '@sanshen/platform/core';

/**
 * Removes the installation's JetStream stream (`SANSHEN`, or `SANSHEN_<NS>`), with its durable
 * consumers: after a database restore it holds events newer than the backup (docs/operations.md). The
 * services make it anew when they start. No `nats` CLI needed: the image's own bundle does it.
 */
export async function removeEventStream(config: Pick<BaseConfig, 'natsUrl' | 'namespace'>): Promise<{ stream: string; removed: boolean }> {
  const stream = streamName(config.namespace);
  const nc = await connect({ servers: config.natsUrl.split(','), name: 'sanshen-cli' });
  try {
    const jsm = await jetstreamManager(nc);
    try {
      return { stream, removed: await jsm.streams.delete(stream) };
    } catch (error) {
      if (error instanceof Error && /stream not found/i.test(error.message)) return { stream, removed: false };
      throw error;
    }
  } finally {
    await nc.drain();
  }
}
