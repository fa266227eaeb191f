import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { TEST_NATS_URL } from '../support/env.js';
import { runSanshenCli } from './support/cli.js';

/**
 * `stream:remove`, the step of restoring a backup that removes the JetStream stream
 * (docs/operations.md#backup-and-restore), from the image's own bundle: no `nats` CLI needed.
 */
describe('the command line removes the event stream', () => {
  it('removes the namespace’s stream and no other, and says so when there is none', async () => {
    const namespace = `${process.env.SANSHEN_NAMESPACE ?? 'e2e'}_cli`;
    const other = `${namespace}x`;
    const nc = await connect({ servers: TEST_NATS_URL });
    try {
      const jsm = await jetstreamManager(nc);
      for (const ns of [namespace, other]) await jsm.streams.add({ name: `SANSHEN_${ns.toUpperCase()}`, subjects: [`${ns}.sanshen.>`] });

      const removed = await runSanshenCli({ NATS_URL: TEST_NATS_URL, SANSHEN_NAMESPACE: namespace }, ['stream:remove']);
      expect(removed.status, removed.stderr).toBe(0);
      expect(JSON.parse(removed.stdout)).toEqual({ stream: `SANSHEN_${namespace.toUpperCase()}`, removed: true });
      const names: string[] = [];
      for await (const name of jsm.streams.names()) names.push(name);
      expect(names).not.toContain(`SANSHEN_${namespace.toUpperCase()}`);
      expect(names).toContain(`SANSHEN_${other.toUpperCase()}`);

      const again = await runSanshenCli({ NATS_URL: TEST_NATS_URL, SANSHEN_NAMESPACE: namespace }, ['stream:remove']);
      expect(again.status, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toEqual({ stream: `SANSHEN_${namespace.toUpperCase()}`, removed: false });
      await jsm.streams.delete(`SANSHEN_${other.toUpperCase()}`);
    } finally {
      await nc.drain();
    }
  });
});
