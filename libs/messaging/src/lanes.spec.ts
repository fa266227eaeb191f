import { describe, expect, it, vi } from 'vitest';
import { DocumentLanes, laneOf } from './lanes.js';

describe('DocumentLanes', () => {
  it('keeps each document’s items in order while other documents go on beside them', async () => {
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const lanes = new DocumentLanes<string>(4, 8, async (items) => {
      started.push(items.join('+'));
      await new Promise<void>((resolve) => gates.set(items[0] as string, resolve));
    });
    // Two documents in different lanes.
    const [a, b] = ['doc-a', 'doc-b', 'doc-c', 'doc-d', 'doc-e'].filter((id, index, all) => all.findIndex((other) => laneOf(other, 4) === laneOf(id, 4)) === index);
    lanes.push(a as string, 'a1');
    lanes.push(b as string, 'b1');
    lanes.push(a as string, 'a2');
    lanes.push(a as string, 'a3');
    await Promise.resolve();
    // Both lanes run; a2 and a3 wait for a1, then go together as one batch.
    expect(started).toEqual(['a1', 'b1']);
    expect(lanes.size).toBe(4);
    gates.get('a1')?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a1', 'b1', 'a2+a3']);
    gates.get('a2')?.();
    gates.get('b1')?.();
    await lanes.idle();
    expect(lanes.size).toBe(0);
  });

  it('lets the pusher wait until fewer items are in work, and survives a failing batch', async () => {
    const lanes = new DocumentLanes<number>(2, 1, async (items) => {
      if (items[0] === 2) throw new Error('settled by the worker itself');
    });
    for (const item of [1, 2, 3, 4]) lanes.push(`doc-${item}`, item);
    await lanes.below(1);
    expect(lanes.size).toBe(0);
  });

  it('with a gathering time, lets an idle lane wait for more before it starts its batch', async () => {
    vi.useFakeTimers();
    try {
      const batches: number[][] = [];
      const lanes = new DocumentLanes<number>(1, 8, async (items) => void batches.push(items), 30);
      lanes.push('doc', 1);
      await vi.advanceTimersByTimeAsync(20);
      lanes.push('doc', 2);
      expect(batches).toEqual([]);
      await vi.advanceTimersByTimeAsync(10);
      await lanes.idle();
      expect(batches).toEqual([[1, 2]]);
      // Idle again: the next item waits its gathering time as well.
      lanes.push('doc', 3);
      await vi.advanceTimersByTimeAsync(29);
      expect(batches).toEqual([[1, 2]]);
      await vi.advanceTimersByTimeAsync(1);
      await lanes.idle();
      expect(batches).toEqual([[1, 2], [3]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts a document in the same lane every time', () => {
    expect(laneOf('3f2b6c1e-0000-4000-8000-000000000001', 4)).toBe(laneOf('3f2b6c1e-0000-4000-8000-000000000001', 4));
    const spread = new Set(Array.from({ length: 64 }, (_, index) => laneOf(`document-${index}`, 4)));
    expect(spread.size).toBe(4);
  });
});
