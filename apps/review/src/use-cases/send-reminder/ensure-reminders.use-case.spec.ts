import { describe, expect, it } from 'vitest';
import { DOC, recordingLogger, reminderQueue, reviewCase, reviewsWith } from '../review-case.fixture.js';
import { EnsureRemindersUseCase } from './ensure-reminders.use-case.js';

describe('EnsureRemindersUseCase', () => {
  it('gives every open task its reminder and escalation, keeping the jobs a task already has', async () => {
    const cases = [reviewCase('pending_l1'), reviewCase('pending_l3', { documentId: 'doc-2', eventSeq: 9 })];
    const { reminders, jobs } = reminderQueue();
    await reminders.schedule({ documentId: DOC, seq: 5, level: 1, openedAt: new Date(0) });
    const kept = jobs.get(`${DOC}-5-remind`);
    const useCase = new EnsureRemindersUseCase(reviewsWith({ allOpenCases: async () => cases }), reminders, recordingLogger().logger);
    await expect(useCase.execute()).resolves.toBe(2);
    expect([...jobs.keys()]).toEqual([`${DOC}-5-remind`, `${DOC}-5-escalate`, 'doc-2-9-remind', 'doc-2-9-escalate']);
    expect(jobs.get(`${DOC}-5-remind`)).toBe(kept);
    expect(jobs.get('doc-2-9-escalate')).toMatchObject({ level: 3, kind: 'escalate' });
  });
});
