import { describe, expect, it } from 'vitest';
import { loadReviewConfig } from './review.config.js';

describe('loadReviewConfig', () => {
  it('defaults to a reminder after 2 working days and escalation after 4, counted in days', () => {
    expect(loadReviewConfig({})).toEqual({
      reminderDays: 2,
      escalationDays: 4,
      unitMs: 86_400_000,
      sweepMs: 60_000,
      holidays: [],
      extraWorkdays: [],
      webhookUrl: null,
    });
  });

  it('reads the holiday calendar and a short unit', () => {
    const config = loadReviewConfig({ REVIEW_HOLIDAYS: '2026-10-01, 2026-10-02', REVIEW_REMINDER_UNIT_MS: '1000' });
    expect(config.holidays).toEqual(['2026-10-01', '2026-10-02']);
    expect(config.unitMs).toBe(1000);
  });

  it('fails fast on a bad date, and on escalation not after the reminder', () => {
    expect(() => loadReviewConfig({ REVIEW_HOLIDAYS: '1 Oct' })).toThrow(/REVIEW_HOLIDAYS/);
    expect(() => loadReviewConfig({ REVIEW_REMINDER_DAYS: '3', REVIEW_ESCALATION_DAYS: '3' })).toThrow(/REVIEW_ESCALATION_DAYS/);
  });
});
