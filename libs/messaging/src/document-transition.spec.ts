import { describe, expect, it } from 'vitest';
import type { DataSource, EntityManager } from 'typeorm';
import { DocumentTransition } from './document-transition.js';
import { RecordingOutbox, transitionOver } from './recording-outbox.js';
import { writeBehind } from './write-behind.js';

const DOC = '0b9f4c4e-8d57-4c53-9a7e-3c2b8f1d6a10';
const actor = { userId: 'u-1', agencyId: 'ag-1', roles: ['drafter' as const], departmentId: null };
const event = (sequence: number) => ({ type: 'document.revised', documentId: DOC, sequence, actor, correlationId: 'c', payload: {}, occurredAt: new Date() });

describe('DocumentTransition', () => {
  it('locks, decides, emits what the decision names, then nudges the relay after the commit', async () => {
    const outbox = new RecordingOutbox();
    const { decision, events } = await transitionOver(outbox).run({
      lock: async () => ({ seq: 4 }),
      decide: async (row) => {
        outbox.log.push('decide');
        return row.seq + 1;
      },
      emit: (next) => [event(next)],
    });
    expect(decision).toBe(5);
    expect(events.map((envelope) => envelope.sequence)).toEqual([5]);
    expect(outbox.log).toEqual(['decide', 'emit document.revised #5', 'published']);
  });

  it('runs the after-commit work between the nudge and the hand-over when a person waits', async () => {
    const outbox = new RecordingOutbox();
    await transitionOver(outbox).run(
      { lock: async () => null, decide: async () => 1, emit: () => [event(1)] },
      { handOver: true, afterCommit: async () => void outbox.log.push('after commit') },
    );
    expect(outbox.log).toEqual(['emit document.revised #1', 'published', 'after commit', 'hand-over document.revised']);
  });

  it('emits nothing and publishes nothing when a refusal rolls the step back', async () => {
    const outbox = new RecordingOutbox();
    const step = { lock: async () => null, decide: async () => Promise.reject(new Error('refused')), emit: () => [event(1)] };
    await expect(transitionOver(outbox).run(step)).rejects.toThrow('refused');
    expect(outbox.log).toEqual([]);
  });

  it('inside a transaction it does not own, leaves the nudge to that transaction’s commit', async () => {
    const outbox = new RecordingOutbox();
    await transitionOver(outbox).within({} as never, { lock: async () => null, decide: async () => 0, emit: () => [] });
    expect(outbox.log).toEqual([]);
  });

  it('sends the commit behind the writes sent behind, ends once they are confirmed, and a failed one fails the step with its own error', async () => {
    const manager = {} as EntityManager;
    const outbox = new RecordingOutbox();
    let finish: () => void = () => undefined;
    const behind = new Promise<void>((resolve) => (finish = resolve));
    const committing = {
      transaction: async <T>(work: (m: EntityManager) => Promise<T>) => {
        const result = await work(manager);
        outbox.log.push('commit');
        return result;
      },
    } as unknown as DataSource;
    const running = new DocumentTransition(committing, outbox).run({
      lock: async () => null,
      decide: async (_row, m) => {
        writeBehind(m, behind.then(() => void outbox.log.push('write settled')));
        return 1;
      },
      emit: () => [event(1)],
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(outbox.log).toEqual(['emit document.revised #1', 'commit']);
    finish();
    await running;
    expect(outbox.log).toEqual(['emit document.revised #1', 'commit', 'write settled', 'published']);

    // The statement after a failed write fails too ("transaction is aborted"): the write's error is the step's.
    const failing = new RecordingOutbox();
    failing.emit = async () => Promise.reject(new Error('current transaction is aborted'));
    const step = {
      lock: async () => null,
      decide: async (_row: null, m: EntityManager) => {
        writeBehind(m, Promise.reject(new Error('duplicate key value')));
        return 1;
      },
      emit: () => [event(1)],
    };
    await expect(transitionOver(failing, manager).run(step)).rejects.toThrow('duplicate key value');
    expect(failing.log).toEqual([]);
  });
});
