import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { signIn } from '../e2e/support/api.js';
import { pdfOf } from '../e2e/support/report-files.js';
import { DESKTOP, PHONE, expectAccessible, screenshot, signInAs } from './support/browser.js';
import { consoleRun } from './support/console-run.js';
import { SECTION_LABELS, enterFigures, thisYearsFigures } from './support/report-entry.js';
import { countScriptBytes, openTask } from './support/steps.js';

const LAST_YEAR = fileURLToPath(new URL('../fixtures/reference/000_haidong-gongxin-2019.txt', import.meta.url));
const BUDGET = 300 * 1024;
const GRANTED_TOTAL = '/applications/results/granted/total';

/**
 * The staff console as people use it (issue #13), in Debian's Chromium against the whole system:
 * an annual report from last year's import to the portal, each step by the role that does it, a
 * screenshot per step (.run/browser-screenshots/), an axe scan of every page; returns, blocking
 * findings, another department's reviewer, an expired session.
 */
describe('the staff console in Chromium', () => {
  const run = consoleRun();
  const as = run.as;
  let reportId = '';
  let articleId = '';

  it('loads the sign-in page and the task list each under 300 KB of compressed JavaScript', async () => {
    const { system, browser } = run;
    const person = await run.open();
    const bytes = countScriptBytes(person.page);
    await person.page.goto(`${system.gatewayUrl}/login`);
    await person.page.getByLabel('用户名').waitFor();
    await person.page.waitForLoadState('networkidle');
    const signIn = bytes();
    expect(signIn).toBeGreaterThan(10_000);
    expect(signIn).toBeLessThan(BUDGET);
    await expectAccessible(person.page, 'the sign-in page');
    await screenshot(person.page, '00-sign-in');

    // The task list opened afresh (empty cache) by a signed-in reviewer.
    const signedIn = await run.open();
    await signInAs(signedIn, system.gatewayUrl, 'gx_dept_head', system.demoPassword);
    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN', storageState: await signedIn.context.storageState() });
    const reviewer = run.track({ context, page: await context.newPage() });
    const taskBytes = countScriptBytes(reviewer.page);
    await reviewer.page.goto(`${system.gatewayUrl}/tasks`);
    await reviewer.page.getByRole('heading', { name: '待办任务' }).waitFor();
    await reviewer.page.waitForLoadState('networkidle');
    expect(taskBytes()).toBeLessThan(BUDGET);
    await expectAccessible(reviewer.page, 'the task list');

    const index = await fetch(`${system.gatewayUrl}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = (await index.text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    const cached = await fetch(`${system.gatewayUrl}${asset}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(cached.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${system.gatewayUrl}/documents/some/route`)).headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${system.gatewayUrl}/api/v1/nowhere`)).status).toBe(404);
    expect((await fetch(`${system.gatewayUrl}/admin/login`)).status).toBe(200);
  });

  it('takes an annual report from last year’s import to the portal, each step by its role', async () => {
    const { system } = run;
    // 起草人: imports last year's report, sees what could not be placed.
    const drafter = await as('gx_drafter');
    await expectAccessible(drafter, 'the home page (drafter)');
    await screenshot(drafter, '01-drafter-home');
    await drafter.goto(`${system.gatewayUrl}/documents/new`);
    await drafter.getByRole('heading', { name: '新建文稿' }).waitFor();
    await expectAccessible(drafter, 'the new-document page');
    await drafter.setInputFiles('#import-file', { name: '2019年报.txt', mimeType: 'text/plain', buffer: readFileSync(LAST_YEAR) });
    await drafter.getByRole('button', { name: /导\s*入/ }).click();
    await drafter.waitForURL('**/edit');
    await drafter.getByTestId('unplaced').waitFor();
    await screenshot(drafter, '02-drafter-imported-last-year');

    // Drafts this year's: carry-over cells prefilled and marked.
    await drafter.goto(`${system.gatewayUrl}/documents/new`);
    await drafter.getByLabel('报告年度').fill('2020');
    await drafter.getByRole('button', { name: '创建年度报告' }).click();
    await drafter.waitForURL('**/edit');
    reportId = drafter.url().split('/documents/')[1]!.split('/')[0]!;
    await drafter.locator('input[data-pointer]').first().waitFor();
    const prefilled = new Map<string, number | null>();
    for (const cell of await drafter.locator('input.cell-carry').all()) {
      const text = await cell.inputValue();
      prefilled.set((await cell.getAttribute('data-pointer'))!, text === '' ? null : Number(text));
    }
    expect(prefilled.size).toBeGreaterThanOrEqual(7);
    expect([...prefilled.values()].some((value) => value !== null)).toBe(true);
    await expectAccessible(drafter, 'the annual-report editor');

    const figures = thisYearsFigures(2020, Object.fromEntries(prefilled));
    for (const [name, label] of Object.entries(SECTION_LABELS)) {
      await drafter.getByLabel(label, { exact: true }).fill(figures.sections[name as keyof typeof SECTION_LABELS]);
    }
    await enterFigures(drafter, figures, new Set([...prefilled.keys()].filter((pointer) => prefilled.get(pointer) !== null)));

    // A wrong total: the editor marks the cell, lists the rule, and will not submit.
    const granted = drafter.locator(`input[data-pointer="${GRANTED_TOTAL}"]`);
    const right = await granted.inputValue();
    await granted.fill(String(Number(right) + 1));
    await expect.poll(() => granted.getAttribute('aria-invalid')).toBe('true');
    await drafter.getByTestId('submit-blocked').waitFor();
    expect(await drafter.getByRole('button', { name: '提交审核' }).isDisabled()).toBe(true);
    expect(await drafter.getByTestId('rule-findings').textContent()).toMatch(/总计|合计/);
    await screenshot(drafter, '03-drafter-rule-marked');
    await granted.fill(right);
    await expect.poll(() => drafter.getByTestId('check-status').textContent()).toMatch(/^0 错误/);
    await screenshot(drafter, '04-drafter-rule-fixed');

    const warnings = drafter.getByLabel(/请说明以下警告/);
    if ((await warnings.count()) > 0) await warnings.fill('已逐项核对，数据与台账一致。');
    await drafter.getByRole('button', { name: '提交审核' }).click();
    const explain = drafter.getByText('以下内容须说明理由后才能提交：');
    await Promise.race([drafter.waitForURL(`${system.gatewayUrl}/`), explain.waitFor()]);
    if (await explain.isVisible()) {
      for (const field of await drafter.locator('textarea[id^="findings_"]').all()) await field.fill('公开内容，已核实可以公开。');
      await drafter.getByRole('button', { name: '提交审核' }).click();
      await drafter.waitForURL(`${system.gatewayUrl}/`);
    }
    await screenshot(drafter, '05-drafter-submitted');

    // 一审 on a desktop.
    const head = await as('gx_dept_head');
    await openTask(head, system.gatewayUrl, reportId);
    await head.getByRole('tab', { name: '正文' }).waitFor();
    await expectAccessible(head, 'the review page');
    await head.getByRole('tab', { name: '修订对比' }).click();
    await screenshot(head, '06-head-reviews');
    await head.getByRole('button', { name: /同\s*意/ }).click();
    await head.waitForURL('**/tasks');

    // 二审 on a phone.
    const deputy = await as('gx_deputy', PHONE);
    await openTask(deputy, system.gatewayUrl, reportId);
    await deputy.getByRole('tab', { name: '正文' }).waitFor();
    await expectAccessible(deputy, 'the review page on a phone');
    await screenshot(deputy, '07-deputy-phone-review');
    await deputy.getByRole('button', { name: /同\s*意/ }).click();
    await deputy.waitForURL('**/tasks');
    await screenshot(deputy, '08-deputy-phone-tasks');

    // 三审 by batch approval from the task list.
    const principal = await as('gx_principal');
    const select = principal.getByRole('checkbox', { name: /选择：.*2020/ });
    for (let attempt = 0; attempt < 10 && (await select.count()) === 0; attempt += 1) {
      await principal.goto(`${system.gatewayUrl}/tasks`);
      await principal.getByRole('heading', { name: '待办任务' }).waitFor();
      await principal.waitForLoadState('networkidle');
    }
    await select.check();
    await screenshot(principal, '09-principal-batch');
    await principal.getByRole('button', { name: /批量同意/ }).click();
    await principal.getByText('已批量审批 1 件').waitFor();

    // 保密审查.
    const secrecy = await as('gx_secrecy_officer');
    await openTask(secrecy, system.gatewayUrl, reportId);
    await secrecy.getByRole('tab', { name: '正文' }).waitFor();
    await secrecy.getByRole('heading', { name: '保密审查表' }).waitFor();
    for (const reason of await secrecy.getByLabel('处置理由').all()) {
      await reason.fill('经核实为公开信息。');
      await secrecy.getByRole('button', { name: /处\s*置/ }).first().click();
    }
    await expectAccessible(secrecy, 'the secrecy review');
    await screenshot(secrecy, '10-secrecy-review');
    await secrecy.getByRole('button', { name: '提交审查结论' }).click();
    await secrecy.getByText('保密审查结论已记录').waitFor();

    // The portal shows it; the drafter sees the receipt and the approval sheet.
    await drafter.goto(`${system.gatewayUrl}/documents/${reportId}`);
    const link = drafter.getByTestId('portal-link');
    await link.waitFor({ timeout: 45_000 });
    const portalUrl = (await link.getAttribute('href'))!;
    await expectAccessible(drafter, 'the publication view');
    await screenshot(drafter, '11-drafter-published');
    await drafter.goto(`${system.gatewayUrl}/documents/${reportId}/sheet`);
    await drafter.getByText('主要领导审定').waitFor();
    await expectAccessible(drafter, 'the approval sheet');
    await drafter.emulateMedia({ media: 'print' });
    await screenshot(drafter, '12-approval-sheet-print');
    await drafter.emulateMedia({ media: 'screen' });
    const visitor = await run.open();
    const portal = visitor.page;
    await portal.goto(portalUrl);
    await portal.getByText('申请人情况').first().waitFor();
    await screenshot(portal, '13-portal-page');
  });

  it('stops a submit on a blocking finding until it is explained, and shows a return’s reason to the drafter', async () => {
    const { system } = run;
    const drafter = await as('gx_drafter');
    await drafter.goto(`${system.gatewayUrl}/documents/new`);
    await drafter.getByLabel('标题').fill('关于开展企业走访活动的通知');
    // 栏目 is a picker of the agency's active columns: type to filter, then take the match.
    await drafter.getByLabel('栏目').fill('通知公告');
    await drafter.locator('.ant-select-item-option', { hasText: '通知公告' }).click();
    await drafter.getByRole('button', { name: '创建稿件' }).click();
    await drafter.waitForURL('**/edit');
    articleId = drafter.url().split('/documents/')[1]!.split('/')[0]!;
    await drafter.getByRole('textbox', { name: '正文' }).click();
    await drafter.keyboard.type('经核查，群众张某（13912345678）反映的问题已办结。');
    await drafter.getByTestId('content-findings').getByText('13912345678').waitFor();
    await expectAccessible(drafter, 'the article editor');
    await screenshot(drafter, '20-article-finding');
    // 附件: an upload through the editor (antd Upload) makes a new version listing the file.
    await drafter.locator('input[type="file"]').setInputFiles({ name: '走访企业名单.pdf', mimeType: 'application/pdf', buffer: pdfOf('走访企业名单\n海东市某某科技有限公司') });
    await drafter.getByRole('link', { name: '下载' }).waitFor();
    expect(await drafter.getByText('走访企业名单.pdf').count()).toBe(1);
    await drafter.getByRole('button', { name: '提交审核' }).click();
    await drafter.getByText('以下内容须说明理由后才能提交：').waitFor();
    await screenshot(drafter, '21-article-submit-refused');
    for (const field of await drafter.locator('textarea[id^="findings_"]').all()) await field.fill('号码已取得本人同意公开。');
    await drafter.getByRole('button', { name: '提交审核' }).click();
    await drafter.waitForURL(`${system.gatewayUrl}/`);

    const head = await as('gx_dept_head');
    await openTask(head, system.gatewayUrl, articleId);
    await head.getByLabel('退回原因').fill('请删除群众个人手机号码。');
    await head.getByRole('button', { name: /退\s*回/ }).click();
    await head.waitForURL('**/tasks');

    await drafter.goto(`${system.gatewayUrl}/documents/${articleId}`);
    const reason = drafter.getByTestId('return-reason');
    for (let attempt = 0; attempt < 10 && (await reason.count()) === 0; attempt += 1) {
      await drafter.waitForTimeout(1000);
      await drafter.reload();
      await drafter.getByRole('tab', { name: '正文' }).waitFor();
    }
    await screenshot(drafter, '22-drafter-sees-return');
    expect(await reason.textContent()).toContain('请删除群众个人手机号码');
  });

  it('does not open a document to a reviewer of another department', async () => {
    const { system } = run;
    // Set-up by the administrator (not under test here): the head of another 科室 of the same agency.
    const admin = await signIn(system, 'gx_admin');
    const departments = (await admin.get('/api/v1/departments')).body.items as { id: string; name: string }[];
    const other = departments.find((department) => department.name === '信息化推进科')!;
    const created = await admin.post('/api/v1/users', { username: 'gx_other_head', displayName: '钱科长', departmentId: other.id, password: system.demoPassword, roles: ['dept_head'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const outsider = await as('gx_other_head');
    await outsider.goto(`${system.gatewayUrl}/documents/${articleId}`);
    await outsider.getByText('无法打开文稿').waitFor();
    expect(await outsider.getByRole('alert').textContent()).toContain('DOCUMENT.NOT_FOUND');
    await screenshot(outsider, '30-other-department');
    await outsider.goto(`${system.gatewayUrl}/delegations`);
    await outsider.getByRole('heading', { name: '代签设置' }).waitFor();
    await expectAccessible(outsider, 'the delegation settings');
  });

  it('returns an expired session to sign-in and back to the page', async () => {
    const { system } = run;
    const person = await run.open(PHONE);
    await signInAs(person, system.gatewayUrl, 'gx_drafter', system.demoPassword);
    const { page } = person;
    await page.goto(`${system.gatewayUrl}/documents/${reportId}`);
    await page.getByRole('tab', { name: '正文' }).waitFor();
    await person.context.clearCookies();
    await page.getByRole('tab', { name: '审核意见' }).click();
    await page.reload();
    await page.waitForURL(/\/login\?next=/);
    await page.getByText('登录已过期').waitFor();
    await screenshot(page, '40-session-expired');
    await page.getByLabel('用户名').fill('gx_drafter');
    await page.getByLabel('密码').fill(system.demoPassword);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(`**/documents/${reportId}`);
    await page.goto(`${system.gatewayUrl}/password`);
    await page.getByText('至少 12 个字符；').waitFor();
    await expectAccessible(page, 'the password change on a phone');
    await page.goto(`${system.gatewayUrl}/no/such/page`);
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await expectAccessible(page, 'the not-found page');
  });
});
