import { htmlTemplates } from '@sanshen/platform/core';
import { agencyPath, columnPath, pagePath, searchPath } from '../../use-cases/page-url.js';
import { PORTAL_TEMPLATES } from './templates.js';

const DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** 2026年11月21日 (Beijing time). */
export function chineseDate(at: Date): string {
  return DATE.format(at);
}

/** A calendar date given as YYYY-MM-DD, the Chinese way (2026年12月1日). */
export function chineseDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

const render = htmlTemplates(PORTAL_TEMPLATES);
const HELPERS = { agencyPath, pagePath, columnPath, searchPath, date: chineseDate, day: chineseDay };

export type PortalTemplate = keyof typeof PORTAL_TEMPLATES;

/** Renders one of the portal's templates (auto-escaped) with the page helpers at hand. */
export function renderTemplate(name: PortalTemplate, data: object): string {
  return render(name, { ...HELPERS, ...data });
}
