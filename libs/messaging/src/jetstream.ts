import { jetstreamManager, RetentionPolicy, StorageType, DiscardPolicy } from '@nats-io/jetstream';
import type { JetStreamManager, StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { streamName, streamSubjects } from '@sanshen/contracts';
import type { Namespace } from '@sanshen/contracts';

/** JetStream rejects a second publish with the same Nats-Msg-Id inside this window. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;
const MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;

/** Creates the stream, or brings an existing one to the expected configuration. */
export async function ensureStream(
  nc: NatsConnection,
  namespace: Namespace,
  replicas = 1,
): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  const name = streamName(namespace);
  const config: Partial<StreamConfig> & { name: string } = {
    name,
    subjects: streamSubjects(namespace),
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(MAX_AGE_MS),
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    num_replicas: replicas,
  };
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, config);
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
    await jsm.streams.add(config);
  }
  return jsm;
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof Error && /stream not found/i.test(error.message);
}
