import { describe, expect, it } from 'vitest';
import { RecordingOutbox, transitionOver } from './recording-outbox.js';

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
});
