import { randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { dataSourceOptions, openDataSource } from '@sanshen/platform/core';
import type { BaseConfig } from '@sanshen/platform/core';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_DATABASE } from '../src/gateway.module.js';
import { IdentityRepository } from '../src/persistence/identity.repository.js';
import { OrganisationRepository } from '../src/persistence/organisation.repository.js';
import { SESSION_STATE_TTL_MS, SessionStates } from '../src/persistence/session-states.js';
import { waitFor } from '../../../test/support/wait-for.js';

const logger = pino({ level: 'silent' });
const config = { namespace: { name: `${process.env.SANSHEN_TEST_NAMESPACE ?? ''}_sst` } } as unknown as BaseConfig;
/** Well inside the TTL: what is seen this soon was told over NATS, not re-read after expiry. */
const TOLD_WITHIN_MS = Math.min(1000, SESSION_STATE_TTL_MS / 5);

/**
 * Two gateways over one identity schema and one NATS: each keeps session states a few seconds, and a
 * session ended through one is forgotten by the other at once (issue #14: no session read per request,
 * revocation still immediate across replicas).
 */
describe('session states kept per gateway, forgotten by all when sessions end', () => {
  let dataSource: DataSource;
  const connections: NatsConnection[] = [];
  let a: { sessions: SessionStates; identity: IdentityRepository; organisation: OrganisationRepository };
  let b: SessionStates;
  const agencyId = randomUUID();

  const gateway = async () => {
    const nc = await connect({ servers: process.env.NATS_URL ?? '' });
    connections.push(nc);
    const sessions = new SessionStates(dataSource, nc, config, logger);
    sessions.onApplicationBootstrap();
    return sessions;
  };
  const user = async (mustChangePassword = false) => {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO users (id, agency_id, username, display_name, password_hash, must_change_password) VALUES ($1, $2, $3, '测试员', 'x', $4)`,
      [id, agencyId, `sst-${id.slice(0, 8)}`, mustChangePassword],
    );
    return id;
  };
  const session = async (userId: string) => {
    const id = randomUUID();
    await dataSource.query(`INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [id, userId]);
    return id;
  };
  const toldWithin = (what: string, check: () => Promise<boolean>) => waitFor(check, { what, timeoutMs: TOLD_WITHIN_MS, intervalMs: 20 });

  beforeAll(async () => {
    dataSource = await openDataSource(dataSourceOptions(process.env.DATABASE_URL ?? '', { ...IDENTITY_DATABASE, schema: 'identity_sst' }));
    await dataSource.query(`INSERT INTO agencies (id, code, name) VALUES ($1, $2, '测试局')`, [agencyId, `sst-${agencyId.slice(0, 8)}`]);
    const sessions = await gateway();
    a = { sessions, identity: new IdentityRepository(dataSource, sessions), organisation: new OrganisationRepository(dataSource, sessions) };
    b = await gateway();
  });
  afterAll(async () => {
    for (const nc of connections) await nc.close();
    await dataSource?.destroy();
  });

  it('keeps a state a few seconds: a change nobody announced is not seen at once', async () => {
    const sid = await session(await user());
    expect(await b.stateOf(sid)).toBe('live');
    await dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1`, [sid]);
    expect(await b.stateOf(sid)).toBe('live');
    expect(await b.stateOf(randomUUID())).toBeNull();
  });

  it('forgets a session signed out on another gateway at once', async () => {
    const sid = await session(await user());
    expect(await b.stateOf(sid)).toBe('live');
    await a.identity.revokeSession(sid);
    expect(await a.sessions.stateOf(sid)).toBeNull();
    await toldWithin('the other gateway to forget the session', async () => (await b.stateOf(sid)) === null);
  });

  it('forgets every session of a user revoked in a transaction on another gateway, once it commits', async () => {
    const userId = await user();
    const [one, two] = [await session(userId), await session(userId)];
    const other = await session(await user());
    for (const sid of [one, two, other]) expect(await b.stateOf(sid)).toBe('live');
    await a.organisation.transaction(async (manager) => {
      await a.organisation.revokeSessionsOf(manager, userId);
      // Not committed yet: nobody has been told, and a read now still sees the session live.
      expect(await b.stateOf(one)).toBe('live');
    });
    await toldWithin('the other gateway to forget the user’s sessions', async () => (await b.stateOf(one)) === null && (await b.stateOf(two)) === null);
    expect(await b.stateOf(other)).toBe('live');
  });

  it('sees a one-time password changed on another gateway at once: the session kept becomes live', async () => {
    const userId = await user(true);
    const sid = await session(userId);
    expect(await b.stateOf(sid)).toBe('password_change_required');
    await a.organisation.transaction(async (manager) => {
      await a.organisation.setPasswordHash(manager, userId, 'y');
      await a.organisation.revokeSessionsOf(manager, userId, sid);
    });
    await toldWithin('the other gateway to read the session again', async () => (await b.stateOf(sid)) === 'live');
  });
});
