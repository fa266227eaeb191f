import { htmlTemplates } from '@sanshen/platform/core';
import { agencyPath, pagePath } from '../../use-cases/page-url.js';
import { PORTAL_TEMPLATES } from './templates.js';

const DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** 2026年11月21日 (Beijing time). */
export function chineseDate(at: Date): string {
  return DATE.format(at);
}

const render = htmlTemplates(PORTAL_TEMPLATES);
const HELPERS = { agencyPath, pagePath, date: chineseDate };

export type PortalTemplate = keyof typeof PORTAL_TEMPLATES;

/** Renders one of the portal's templates (auto-escaped) with the page helpers at hand. */
export function renderTemplate(name: PortalTemplate, data: object): string {
  return render(name, { ...HELPERS, ...data });
}
