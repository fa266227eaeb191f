import type { DataSource, EntityManager } from 'typeorm';

type Failed = { failed: true; error: unknown };
type Settled = { failed: false } | Failed;

/** Writes sent in a transaction (its EntityManager) and not awaited yet. */
const pending = new WeakMap<EntityManager, Promise<Settled>[]>();

/**
 * Sends a write whose answer nothing later in the transaction needs, without waiting for it: the
 * statements after it go out behind it on the transaction's connection (the pool's client pipelines,
 * PreparingClient), and PostgreSQL runs them in the order sent — three writes cost one round trip,
 * not three. The transaction's COMMIT goes out right behind them (`transactionBehindWrites`: the
 * transitions' and the consumers'), or a caller waits for them first (`withWritesSettled`); one that
 * failed aborted the transaction, so nothing of it commits, and its error is the step's.
 *
 * `write` must send its statement without waiting for any answer (one statement: the row helpers,
 * `preparedQuery`, a TypeORM insert or update): a write that awaits a first statement's answer before
 * sending its second would send that one after the COMMIT, outside the transaction.
 */
export function writeBehind(manager: EntityManager, write: Promise<unknown>): void {
  const writes = pending.get(manager) ?? [];
  // Observed at once: a failure is thrown by whoever settles the writes, never left unhandled.
  writes.push(write.then((): Settled => ({ failed: false }), (error: unknown): Settled => ({ failed: true, error })));
  pending.set(manager, writes);
}

/** Waits for the transaction's writes sent behind: the first that failed, if any. */
async function failedWrite(manager: EntityManager): Promise<Failed | undefined> {
  const writes = pending.get(manager);
  if (writes === undefined) return undefined;
  pending.delete(manager);
  return (await Promise.all(writes)).find((outcome): outcome is Failed => outcome.failed);
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
    throw (await failedWrite(manager))?.error ?? error;
  }
  const failed = await failedWrite(manager);
  if (failed !== undefined) throw failed.error;
  return result;
}

/**
 * A transaction whose COMMIT is sent right behind the writes `work` sent behind, not after their
 * answers: PostgreSQL runs them in the order sent, and one that failed has aborted the transaction,
 * so that COMMIT rolls it back and fails (the pool's client reports it: PreparingClient). The writes
 * are confirmed with it, and a step costs one round trip less. When the transaction fails and one of
 * its writes failed first, that write's error is thrown (`blame` may wrap it: whose it was).
 */
export async function transactionBehindWrites<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  blame: (writeError: unknown) => unknown = (writeError) => writeError,
): Promise<{ result: T; manager: EntityManager }> {
  let used: EntityManager | undefined;
  let result: T;
  try {
    result = await dataSource.transaction(async (manager) => {
      used = manager;
      const done = await work(manager);
      // Before the COMMIT, the microtasks already queued run out: a write whose statement is still on its
      // way to the connection (TypeORM's builders send theirs a few microtasks after the call) goes out
      // first. A tick, not a turn of the event loop: no I/O callback runs in between (the row locks held).
      if (pending.has(manager)) await new Promise((resolve) => process.nextTick(resolve));
      return done;
    });
  } catch (error) {
    const failed = used === undefined ? undefined : await failedWrite(used);
    throw failed === undefined ? error : blame(failed.error);
  }
  const manager = used as unknown as EntityManager;
  // Answered before the COMMIT was (one connection, answers in order): this only frees the list.
  const failed = await failedWrite(manager);
  if (failed !== undefined) throw blame(failed.error);
  return { result, manager };
}
