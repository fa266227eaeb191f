import { jetstreamManager, RetentionPolicy, StorageType, DiscardPolicy } from '@nats-io/jetstream';
import type { JetStreamManager, StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { streamName, streamSubjects } from '@sanshen/contracts';
import type { Namespace } from '@sanshen/contracts';

/** JetStream rejects a second publish with the same Nats-Msg-Id inside this window. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;
const MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Creates the stream, or brings an existing one to the expected configuration. `created` is when the
 * server created this stream: a stream lost with NATS's store and made again has a new one.
 */
export async function ensureStream(
  nc: NatsConnection,
  namespace: Namespace,
  replicas = 1,
): Promise<JetStreamManager & { streamCreated: Date }> {
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
  let created: string;
  try {
    await jsm.streams.info(name);
    created = (await jsm.streams.update(name, config)).created;
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
    created = await jsm.streams
      .add(config)
      .then((info) => info.created)
      // Another service made it between our look and our add.
      .catch(async (addError: unknown) => {
        if (!(addError instanceof Error && /already in use/i.test(addError.message))) throw addError;
        return (await jsm.streams.info(name)).created;
      });
  }
  return Object.assign(jsm, { streamCreated: new Date(created) });
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof Error && /stream not found/i.test(error.message);
}
