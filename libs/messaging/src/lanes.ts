/**
 * Work on documents spread over a fixed number of lanes that run side by side: every item of one
 * document goes to the same lane, in the order pushed, so a document's events stay in order while
 * other documents' go on beside them. A lane takes what has queued up in it as one batch; with
 * `gatherMs`, an idle lane that is given an item waits that long first, so that what arrives
 * meanwhile goes in the same batch.
 */
export class DocumentLanes<T> {
  private readonly queues: T[][];
  private readonly running: (Promise<void> | null)[];
  private queued = 0;
  private waiters: (() => void)[] = [];

  constructor(
    lanes: number,
    private readonly maxBatch: number,
    private readonly work: (items: T[]) => Promise<void>,
    private readonly gatherMs = 0,
  ) {
    this.queues = Array.from({ length: Math.max(1, lanes) }, () => []);
    this.running = this.queues.map(() => null);
  }

  /** How many items are queued or being worked on. */
  get size(): number {
    return this.queued;
  }

  push(documentId: string, item: T): void {
    const lane = laneOf(documentId, this.queues.length);
    (this.queues[lane] as T[]).push(item);
    this.queued += 1;
    if (this.running[lane] === null) this.running[lane] = this.drain(lane);
  }

  /** Resolves once fewer than `limit` items are queued or in work. */
  async below(limit: number): Promise<void> {
    while (this.queued >= limit) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Resolves once every lane has finished what it was given. */
  async idle(): Promise<void> {
    while (this.queued > 0) await this.below(1);
  }

  private async drain(lane: number): Promise<void> {
    const queue = this.queues[lane] as T[];
    if (this.gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, this.gatherMs));
    while (queue.length > 0) {
      const items = queue.splice(0, this.maxBatch);
      // `work` settles every item itself (applied, retried or dead-lettered); a throw only ends the batch early.
      await this.work(items).catch(() => undefined);
      this.queued -= items.length;
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }
    this.running[lane] = null;
  }
}

/** A stable lane for a document id (FNV-1a of the string). */
export function laneOf(documentId: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < documentId.length; index += 1) {
    hash ^= documentId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % lanes;
}
