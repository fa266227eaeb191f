import { describe, expect, it } from 'vitest';
import type { ReviewCase } from '../../domain/review-case.js';
import type { ReminderJobData } from '../../queue/reminder-queue.js';
import { REMINDER_CONFIG, recordingLogger, reminderQueue, reviewCase, reviewsWith } from '../review-case.fixture.js';
import { ScheduleReminderSweepUseCase } from './schedule-reminder-sweep.use-case.js';
import type { SendReminderUseCase } from './send-reminder.use-case.js';
import { SweepRemindersUseCase } from './sweep-reminders.use-case.js';

const HOUR = 3_600_000;
const NOW = new Date('2026-06-01T12:00:00Z');
/** A task at 一审 that opened `hours` ago (REMINDER_CONFIG: a "day" is an hour, 2 to remind, 4 to escalate). */
const openFor = (hours: number, changes: Partial<ReviewCase> = {}) =>
  reviewCase('pending_l1', { documentId: `doc-${hours}`, eventSeq: hours, stageEnteredAt: new Date(NOW.getTime() - hours * HOUR), ...changes });

/** The sweep over `pages` of candidates (what the repository answers, page after page), recording what it sends and asks. */
function sweepOver(pages: ReviewCase[][], pageSize?: number) {
  const sent: string[] = [];
  const asked: { remindFrom: Date; escalateFrom: Date; after: { stageEnteredAt: Date; documentId: string } }[] = [];
  const reviews = reviewsWith({
    awaitingReminder: async (remindFrom, escalateFrom, after, limit) => {
      asked.push({ remindFrom, escalateFrom, after });
      const page = pages.shift() ?? [];
      // A page as the repository pages: full unless it is the last.
      return pageSize === undefined ? page : page.slice(0, limit);
    },
  });
  const send = {
    execute: async (job: ReminderJobData) => {
      sent.push(`${job.kind} ${job.documentId} l${job.level} #${job.seq}`);
      return 'sent' as const;
    },
  } as unknown as SendReminderUseCase;
  return { useCase: new SweepRemindersUseCase(reviews, reminderQueue().reminders, send, REMINDER_CONFIG), sent, asked };
}

describe('SweepRemindersUseCase', () => {
  it('reminds and escalates each task that has come due, once, and leaves the others', async () => {
    const { useCase, sent, asked } = sweepOver([
      [openFor(5), openFor(3), openFor(3, { documentId: 'reminded', remindedAt: new Date() }), openFor(1)],
    ]);
    await expect(useCase.execute(NOW)).resolves.toBe(3);
    expect(sent).toEqual(['remind doc-5 l1 #5', 'escalate doc-5 l1 #5', 'remind doc-3 l1 #3']);
    // Candidates by the plain lower bound: open 2 "days" (remind) or 4 (escalate) at least.
    expect(asked[0]).toMatchObject({ remindFrom: new Date(NOW.getTime() - 2 * HOUR), escalateFrom: new Date(NOW.getTime() - 4 * HOUR) });
  });

  it('reads page after page, each after the last task of the one before', async () => {
    const first = Array.from({ length: 500 }, (_, index) => openFor(3, { documentId: `a-${String(index).padStart(3, '0')}`, remindedAt: new Date() }));
    const { useCase, sent, asked } = sweepOver([first, [openFor(6)]], 500);
    await expect(useCase.execute(NOW)).resolves.toBe(2);
    expect(sent).toEqual(['remind doc-6 l1 #6', 'escalate doc-6 l1 #6']);
    expect(asked.map((ask) => ask.after.documentId)).toEqual(['00000000-0000-0000-0000-000000000000', 'a-499']);
  });
});

describe('ScheduleReminderSweepUseCase', () => {
  it('schedules the sweep every REVIEW_REMINDER_SWEEP_MS, under one id however often it runs', async () => {
    const { reminders, schedulers } = reminderQueue({ ...REMINDER_CONFIG, sweepMs: 500 });
    const { logger, warnings } = recordingLogger();
    const schedule = new ScheduleReminderSweepUseCase(reminders, logger, REMINDER_CONFIG);
    await schedule.execute(NOW);
    await schedule.execute(NOW);
    expect([...schedulers.entries()]).toEqual([['reminder-sweep', { every: 500, name: 'reminder-sweep' }]]);
    expect(warnings).toEqual([]);
  });

  it('warns when the holiday calendar does not cover the year due dates fall in, unless the admin listed its days off', async () => {
    const at = new Date('2099-06-01T00:00:00Z');
    const uncovered = recordingLogger();
    await new ScheduleReminderSweepUseCase(reminderQueue().reminders, uncovered.logger, REMINDER_CONFIG).execute(at);
    expect(uncovered.warnings).toEqual([expect.stringContaining('does not list these years yet')]);
    const listed = recordingLogger();
    await new ScheduleReminderSweepUseCase(reminderQueue().reminders, listed.logger, { ...REMINDER_CONFIG, holidays: ['2099-10-01'] }).execute(at);
    expect(listed.warnings).toEqual([]);
  });
});
