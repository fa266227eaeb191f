import { parseEnv } from '@sanshen/platform/core';
import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;
const dateList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item !== ''))
  .pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates as YYYY-MM-DD, comma-separated')));

const schema = z
  .object({
    REVIEW_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(2),
    REVIEW_ESCALATION_DAYS: z.coerce.number().int().min(1).max(90).default(4),
    REVIEW_REMINDER_UNIT_MS: z.coerce.number().int().min(100).max(DAY_MS).default(DAY_MS),
    REVIEW_REMINDER_SWEEP_MS: z.coerce.number().int().min(100).max(DAY_MS).default(60_000),
    REVIEW_HOLIDAYS: dateList,
    REVIEW_EXTRA_WORKDAYS: dateList,
    REVIEW_NOTIFY_WEBHOOK_URL: z.url().optional(),
  })
  .refine((env) => env.REVIEW_ESCALATION_DAYS > env.REVIEW_REMINDER_DAYS, {
    message: 'must be greater than REVIEW_REMINDER_DAYS',
    path: ['REVIEW_ESCALATION_DAYS'],
  });

export interface ReviewConfig {
  /** N: a task open this many working days reminds its assignee (and is due then). */
  reminderDays: number;
  /** M: a task open this many working days escalates to the next level up. */
  escalationDays: number;
  /**
   * Length of one "day" of these delays. A whole day (the default) counts working days on the
   * calendar below (Beijing time); any other unit (tests: seconds) counts plain units, no calendar.
   */
  unitMs: number;
  /** How often open tasks are looked over for a reminder or escalation that has come due. */
  sweepMs: number;
  /** Non-working days besides weekends (法定节假日), YYYY-MM-DD. */
  holidays: string[];
  /** Weekend days that are working days (调休上班), YYYY-MM-DD. */
  extraWorkdays: string[];
  /** Optional: every notification is also POSTed here as JSON. */
  webhookUrl: string | null;
}

export const REVIEW_CONFIG = Symbol('REVIEW_CONFIG');
export const DAY_UNIT_MS = DAY_MS;

/** The review service's own variables, checked once at boot. */
export function loadReviewConfig(env: NodeJS.ProcessEnv): ReviewConfig {
  const parsed = parseEnv(schema, env);
  return {
    reminderDays: parsed.REVIEW_REMINDER_DAYS,
    escalationDays: parsed.REVIEW_ESCALATION_DAYS,
    unitMs: parsed.REVIEW_REMINDER_UNIT_MS,
    sweepMs: parsed.REVIEW_REMINDER_SWEEP_MS,
    holidays: parsed.REVIEW_HOLIDAYS,
    extraWorkdays: parsed.REVIEW_EXTRA_WORKDAYS,
    webhookUrl: parsed.REVIEW_NOTIFY_WEBHOOK_URL ?? null,
  };
}
