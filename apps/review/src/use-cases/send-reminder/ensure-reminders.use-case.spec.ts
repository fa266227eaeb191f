import { describe, expect, it } from 'vitest';
import { DOC, REMINDER_CONFIG, recordingLogger, reminderQueue, reviewCase, reviewsWith } from '../review-case.fixture.js';
import { EnsureRemindersUseCase } from './ensure-reminders.use-case.js';

const JUNE_2026 = new Date('2026-06-01T00:00:00Z');

function ensure(holidays: string[] = []) {
  const cases = [reviewCase('pending_l1'), reviewCase('pending_l3', { documentId: 'doc-2', eventSeq: 9 })];
  const { reminders, jobs } = reminderQueue();
  const { logger, warnings } = recordingLogger();
  const useCase = new EnsureRemindersUseCase(reviewsWith({ allOpenCases: async () => cases }), reminders, logger, { ...REMINDER_CONFIG, holidays });
  return { run: (now: Date) => useCase.execute(now), reminders, jobs, warnings };
}

describe('EnsureRemindersUseCase', () => {
  it('gives every open task its reminder and escalation, keeping the jobs a task already has', async () => {
    const { run, reminders, jobs, warnings } = ensure();
    await reminders.schedule({ documentId: DOC, seq: 5, level: 1, openedAt: new Date(0) });
    const kept = jobs.get(`${DOC}-5-remind`);
    await expect(run(JUNE_2026)).resolves.toBe(2);
    expect([...jobs.keys()]).toEqual([`${DOC}-5-remind`, `${DOC}-5-escalate`, 'doc-2-9-remind', 'doc-2-9-escalate']);
    expect(jobs.get(`${DOC}-5-remind`)).toBe(kept);
    expect(jobs.get('doc-2-9-escalate')).toMatchObject({ level: 3, kind: 'escalate' });
    expect(warnings).toEqual([]);
  });

  it('warns when the holiday calendar does not cover the year due dates fall in, unless the admin listed its days off', async () => {
    const uncovered = ensure();
    await uncovered.run(new Date('2099-06-01T00:00:00Z'));
    expect(uncovered.warnings).toEqual([expect.stringContaining('does not list these years yet')]);
    const listed = ensure(['2099-10-01']);
    await listed.run(new Date('2099-06-01T00:00:00Z'));
    expect(listed.warnings).toEqual([]);
  });
});
