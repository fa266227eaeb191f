import type { EntityManager } from 'typeorm';

type Settled = { failed: false } | { failed: true; error: unknown };

/** Writes sent in a transaction (its EntityManager) and not awaited yet. */
const pending = new WeakMap<EntityManager, Promise<Settled>[]>();

/**
 * Sends a write whose answer nothing later in the transaction needs, without waiting for it: the
 * statements after it go out behind it on the transaction's connection (the pool's client pipelines,
 * PreparingClient), and PostgreSQL runs them in the order sent — three writes cost one round trip,
 * not three. DocumentTransition and the event consumers wait for them (`withWritesSettled`) before
 * the transaction commits; one that failed aborted the transaction, so nothing after it commits, and
 * its error is the step's.
 */
export function writeBehind(manager: EntityManager, write: Promise<unknown>): void {
  const writes = pending.get(manager) ?? [];
  // Observed at once: a failure is thrown by withWritesSettled, never left unhandled.
  writes.push(write.then((): Settled => ({ failed: false }), (error: unknown): Settled => ({ failed: true, error })));
  pending.set(manager, writes);
}

/** Waits for the transaction's writes sent behind; throws the first one's error if any failed. */
async function settleWrites(manager: EntityManager): Promise<void> {
  const writes = pending.get(manager);
  if (writes === undefined) return;
  pending.delete(manager);
  for (const outcome of await Promise.all(writes)) if (outcome.failed) throw outcome.error;
}

/**
 * Runs `work` and waits for the writes it sent behind before returning. When it fails and one of its
 * writes failed first, that write's error is thrown: the statement after it only failed because the
 * write had aborted the transaction.
 */
export async function withWritesSettled<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await settleWrites(manager);
    throw error;
  }
  await settleWrites(manager);
  return result;
}
