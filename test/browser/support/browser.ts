import { existsSync, mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from '../../e2e/support/system.js';

/** Debian's Chromium (scripts/infra/ensure-chromium.sh installs it with fonts-wqy-zenhei). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of each step, kept as test artifacts. */
export const SCREENSHOTS = `${ROOT}.run/browser-screenshots/`;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/infra/ensure-chromium.sh (scripts/test.sh does)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Playwright gives every launch a fresh, temporary user-data-dir.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export const DESKTOP = { viewport: { width: 1440, height: 900 } };
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** The narrowest phone the console is laid out for (CONSOLE.md: 375 px). */
export const SMALL_PHONE = { ...PHONE, viewport: { width: 375, height: 667 } };

/** One person at their browser: their own cookies, a Chinese locale. */
export interface Person {
  context: BrowserContext;
  page: Page;
}

export async function openBrowserFor(browser: Browser, options: typeof DESKTOP | typeof PHONE = DESKTOP): Promise<Person> {
  const context = await browser.newContext({ ...options, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/** Signs in through the sign-in page, as a person does. */
export async function signInAs(person: Person, baseUrl: string, username: string, password: string): Promise<void> {
  const { page } = person;
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** What PAGE_AT_REST reads of the page's document (this project's types have no DOM). */
interface AnimatedDocument {
  getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[];
}

/** In the page: every animation finished but endless ones (spinners). A function: the console's CSP allows no eval. */
const PAGE_AT_REST = (): boolean =>
  (globalThis as unknown as { document: AnimatedDocument }).document
    .getAnimations()
    .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity);

/** axe-core over the page once its animations have finished: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // The page at rest: the pointer off the control just used (its hover colour is transient), and no
  // toast fading in or panel closing (colours it never settles on).
  await page.mouse.move(0, 0);
  await page.waitForFunction(PAGE_AT_REST);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    serious.map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')} ${node.html.slice(0, 160)} ${node.failureSummary ?? ''}`).join(' | ')}`),
    `axe on ${what}`,
  ).toEqual([]);
}
