import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from '../e2e/support/api.js';
import type { Session } from '../e2e/support/api.js';
import { clearSecrecy, draftArticle, publishArticle, signInCast, signOff, waitForPublication } from '../e2e/support/publication-flow.js';
import type { Cast } from '../e2e/support/publication-flow.js';
import { waitFor } from '../support/wait-for.js';
import { SMALL_PHONE, expectAccessible, screenshot } from './support/browser.js';
import { consoleRun } from './support/console-run.js';
import { openTask } from './support/steps.js';

/** Beijing wall-clock time `hours` from now, as the console's date pickers take it ('YYYY-MM-DD HH:mm'). */
const beijing = (hours: number) => new Date(Date.now() + hours * 3_600_000).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);

/** The confirmation (Popconfirm) the page opened last: its button `name`. */
const confirm = (page: Page, name: RegExp) => page.locator('.ant-popover:visible').getByRole('button', { name }).click();

/** The date pickers' panels close with an animation: axe scans the page once they have gone, not a panel on its way out. */
const pickersClosed = (page: Page) => waitFor(async () => (await page.locator('.ant-picker-dropdown:visible').count()) === 0, { what: 'the date pickers closed' });

/** A reviewer's approval over the API, once the hand-over reached them (set-up, not under test). */
async function approveAs(reviewer: Session, id: string, version: number): Promise<void> {
  await waitFor(async () => (await reviewer.post(`/api/v1/documents/${id}/approve`, { version, comment: '同意' })).status === 200, { timeoutMs: 20_000, what: `${reviewer.username} to approve` });
}

/**
 * The staff console's document actions in Chromium against the whole system (issue #13), beside the
 * annual-report walk of staff-console.browser-spec.ts: findings highlighted while writing, withdraw
 * and discard, a return and an approval on a phone, the 代签 picker, secrecy referral and answer,
 * 定时发布, a failed publication retried, retraction by two people, a correction. Set-up that is not
 * under test goes over the API; each step under test is done in the page, with a screenshot
 * (.run/browser-screenshots/) and an axe scan.
 */
describe('document actions in the staff console', () => {
  // Two push attempts per run: a publication fails within a second while the portal is down.
  const run = consoleRun({ PUBLISH_ATTEMPTS: '2', PUBLISH_BACKOFF_MS: '200' });
  let cast: Cast;
  const url = (path: string) => `${run.system.gatewayUrl}${path}`;
  const castReady = async () => (cast ??= await signInCast(run.system));

  it('highlights findings in the text as it is written, fixes a 错敏词 in one click, and wants blocking ones explained before submitting', async () => {
    const drafted = await draftArticle(await castReady(), '<p>依据中华人民共和国保密法办理。</p>');
    const drafter = await run.as('gx_drafter');
    await drafter.goto(url(`/documents/${drafted.id}/edit`));
    const wording = drafter.locator('.finding-mark[data-finding="wording"]');
    await wording.waitFor();
    expect(await wording.textContent()).toBe('中华人民共和国保密法');
    await wording.click();
    const popover = drafter.getByTestId('finding-popover');
    await popover.waitFor();
    expect(await popover.textContent()).toContain('中华人民共和国保守国家秘密法');
    await expectAccessible(drafter, 'the article editor with a finding open');
    await screenshot(drafter, '50-editor-finding-popover');
    await popover.getByRole('button', { name: /^改为/ }).click();
    await expect.poll(() => drafter.getByRole('textbox', { name: '正文' }).textContent()).toContain('依据中华人民共和国保守国家秘密法办理。');
    await expect.poll(() => wording.count()).toBe(0);

    // An entry the agency's administrator added: marked once the server's check of the saved text has seen it.
    const admin = await signIn(run.system, 'gx_admin');
    const entry = await admin.post('/api/v1/dictionary/entries', { wrong: '工信委', right: '工业和信息化局', category: 'agency', severity: 'warning', reason: '机构改革后名称' });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    await drafter.getByRole('textbox', { name: '正文' }).press('End');
    await drafter.keyboard.type('由市工信委牵头。');
    await drafter.getByRole('button', { name: /保\s*存/ }).click();
    const learned = drafter.locator('.finding-mark.finding-warning[data-finding="wording"]');
    await learned.waitFor();
    expect(await learned.textContent()).toBe('工信委');

    // A personal mobile number, typed: marked as blocking, and an explanation is asked for before any submit.
    await drafter.getByRole('textbox', { name: '正文' }).press('End');
    await drafter.keyboard.type('经核查，群众张某（13912345678）反映的问题已办结。');
    const phone = drafter.locator('.finding-mark.finding-blocking[data-finding="mobile_number"]');
    await phone.waitFor();
    expect(await phone.textContent()).toBe('13912345678');
    await drafter.getByText('以下内容须说明理由后才能提交：').waitFor();
    await screenshot(drafter, '51-editor-blocking-finding');
    await drafter.getByRole('button', { name: '提交审核' }).click();
    await drafter.getByText('请先填写以下检查发现的说明，再提交审核').waitFor();
    expect(drafter.url()).toContain('/edit');
    await drafter.locator('textarea[id^="findings_"]').first().fill('联系人本人同意公开其工作电话。');
    await drafter.getByRole('button', { name: '提交审核' }).click();
    await drafter.waitForURL(url('/'));
    const submitted = (await cast.drafter.get(`/api/v1/documents/${drafted.id}`)).body as { status: string; findingExplanations: { explanation: string }[] };
    expect(submitted.status).toBe('pending_l1');
    expect(submitted.findingExplanations.map((finding) => finding.explanation)).toEqual(['联系人本人同意公开其工作电话。']);
  });

  it('withdraws a submitted document before the first signature, and discards a draft with a reason', async () => {
    const drafted = await draftArticle(await castReady());
    expect((await cast.drafter.post(`/api/v1/documents/${drafted.id}/submit`, { version: drafted.version })).status).toBe(200);
    const drafter = await run.as('gx_drafter');
    await drafter.goto(url(`/documents/${drafted.id}`));
    await drafter.getByRole('button', { name: '撤回（尚无人签批）' }).click();
    await drafter.getByText('已撤回，可继续修改').waitFor();
    await drafter.getByRole('button', { name: /^编\s*辑$/ }).waitFor();
    await expectAccessible(drafter, 'a withdrawn document');
    await screenshot(drafter, '52-withdrawn');

    expect(await drafter.getByRole('button', { name: '删除草稿' }).isDisabled()).toBe(true);
    await drafter.getByLabel('删除原因').fill('内容已并入另一篇通知。');
    await drafter.getByRole('button', { name: '删除草稿' }).click();
    await drafter.getByText('确定删除此草稿？删除后不可恢复。').waitFor();
    await screenshot(drafter, '53-discard-confirm');
    await confirm(drafter, /删\s*除/);
    await drafter.waitForURL(url('/'));
    await drafter.goto(url(`/documents/${drafted.id}`));
    await drafter.getByText('无法打开文稿').waitFor();
  });

  it('returns and approves on a 375 px phone', async () => {
    const drafted = await draftArticle(await castReady());
    expect((await cast.drafter.post(`/api/v1/documents/${drafted.id}/submit`, { version: drafted.version })).status).toBe(200);
    const head = await run.as('gx_dept_head', SMALL_PHONE);
    await openTask(head, run.system.gatewayUrl, drafted.id);
    await head.getByLabel('退回原因').fill('请补充活动时间和地点。');
    await expectAccessible(head, 'the review page on a 375 px phone');
    await screenshot(head, '54-phone-return');
    await head.getByRole('button', { name: /退\s*回/ }).click();
    await head.waitForURL('**/tasks');
    await screenshot(head, '55-phone-tasks');

    // Resubmitted unchanged: the head's task again, approved on the phone.
    await waitFor(async () => (await cast.drafter.post(`/api/v1/documents/${drafted.id}/submit`, { version: drafted.version })).status === 200, { timeoutMs: 20_000, what: 'the resubmission' });
    await openTask(head, run.system.gatewayUrl, drafted.id);
    await head.getByRole('button', { name: /同\s*意/ }).click();
    await head.waitForURL('**/tasks');
    const document = await waitFor(async () => {
      const body = (await cast.drafter.get(`/api/v1/documents/${drafted.id}`)).body as { status: string };
      return body.status === 'pending_l2' ? body : undefined;
    }, { what: 'the document at 二审' });
    expect(document.status).toBe('pending_l2');
  });

  it('picks a delegate from the agency’s people by name (代签)', async () => {
    await castReady();
    const head = await run.as('gx_dept_head');
    await head.goto(url('/delegations'));
    await head.getByRole('heading', { name: '代签设置' }).waitFor();
    const picker = head.getByLabel('受托人');
    await picker.click();
    await picker.fill('吴');
    await head.getByText('没有符合条件的人员').waitFor(); // the administrator is never offered
    await picker.fill('王');
    await head.getByTitle('王副局长（单位领导）').click();
    const [start, end] = [head.getByPlaceholder(/^开始/), head.getByPlaceholder(/^结束/)];
    const ok = head.locator('.ant-picker-dropdown:visible').getByRole('button', { name: /确\s*定/ });
    await start.click();
    await start.fill(`${beijing(1)}:00`);
    await ok.click();
    await end.fill(`${beijing(49)}:00`);
    await ok.click();
    await pickersClosed(head);
    await expectAccessible(head, 'the delegation picker');
    await screenshot(head, '56-delegate-picked');
    await head.getByRole('button', { name: '设置代签' }).click();
    await head.getByText('代签已设置').waitFor();
    await head.getByRole('cell', { name: '王副局长' }).waitFor();
    expect(await head.getByRole('cell', { name: '王副局长' }).count()).toBe(1);
    await screenshot(head, '57-delegation-set');

    // What the picker is given: the agency's own people only, never the reviewer, names and 科室 only.
    const [headApi, otherAgencyHead] = [cast.head, await signIn(run.system, 'zw_dept_head')];
    const offered = (await headApi.get('/api/v1/delegations/delegates?limit=50')).body as { items: Record<string, unknown>[] };
    expect(offered.items.map((person) => person.displayName).sort()).toEqual(['周发布员', '孙保密员', '张信息员', '王副局长', '赵局长'].sort());
    expect(offered.items.map((person) => person.id)).not.toContain(otherAgencyHead.userId);
    expect(offered.items.map((person) => person.id)).not.toContain(headApi.userId);
    expect(offered.items.every((person) => Object.keys(person).sort().join() === 'departmentName,displayName,id')).toBe(true);
    expect((await cast.drafter.get('/api/v1/delegations/delegates')).status).toBe(403);
  });

  it('refers a secrecy review upward and records the answer', async () => {
    const drafted = await draftArticle(await castReady());
    await signOff(cast, drafted.id, drafted.version);
    const officer = await run.as('gx_secrecy_officer');
    await openTask(officer, run.system.gatewayUrl, drafted.id);
    await officer.getByRole('heading', { name: '保密审查表' }).waitFor();
    await officer.getByLabel('报保密行政管理部门').check();
    await officer.getByLabel('审查意见').fill('涉及企业走访名单，是否属于工作秘密不能确定，报市保密局审定。');
    await officer.getByRole('button', { name: '提交审查结论' }).click();
    await officer.getByText('保密审查结论已记录').waitFor();
    await officer.getByRole('heading', { name: '已报保密行政管理部门，登记答复' }).waitFor();
    await expectAccessible(officer, 'the referral answer form');
    await screenshot(officer, '58-secrecy-referred');
    await officer.getByLabel('答复文号').fill('海保密函〔2026〕12号');
    await officer.getByLabel('依据', { exact: true }).fill('《中华人民共和国保守国家秘密法》第十五条');
    await officer.getByRole('button', { name: '登记答复' }).click();
    await officer.getByText('答复已记录').waitFor();
    await officer.getByRole('heading', { name: '发布', exact: true }).waitFor();
    await screenshot(officer, '59-secrecy-answered');
    await waitForPublication(cast.drafter, drafted.id, (publication) => publication.state === 'published', 'the publication after the answer');
  });

  it('schedules a publication (定时发布) from the principal’s review page', async () => {
    const drafted = await draftArticle(await castReady());
    expect((await cast.drafter.post(`/api/v1/documents/${drafted.id}/submit`, { version: drafted.version })).status).toBe(200);
    await approveAs(cast.head, drafted.id, drafted.version);
    await approveAs(cast.deputy, drafted.id, drafted.version);
    const principal = await run.as('gx_principal');
    await openTask(principal, run.system.gatewayUrl, drafted.id);
    const when = beijing(48);
    const picker = principal.getByLabel('定时发布时间');
    await picker.click();
    await picker.fill(when);
    await picker.press('Enter');
    await pickersClosed(principal);
    await principal.getByRole('button', { name: '设定发布时间' }).click();
    await principal.getByTestId('scheduled-at').waitFor();
    expect(await principal.getByTestId('scheduled-at').textContent()).toContain(when.slice(11, 16));
    await expectAccessible(principal, 'the schedule on the review page');
    await screenshot(principal, '60-scheduled');
    await principal.getByRole('button', { name: /同\s*意/ }).click();
    await principal.waitForURL('**/tasks');

    await clearSecrecy(cast, drafted.id, drafted.version);
    await waitForPublication(cast.drafter, drafted.id, (publication) => publication.state === 'scheduled', 'the scheduled publication');
    await principal.goto(url(`/documents/${drafted.id}`));
    await principal.getByText('已定时').first().waitFor();
    await screenshot(principal, '61-scheduled-publication');
  });

  it('starts a correction of a published article (更正)', async () => {
    const published = await publishArticle(await castReady());
    const drafter = await run.as('gx_drafter');
    await drafter.goto(url(`/documents/${published.id}`));
    await drafter.getByTestId('portal-link').waitFor();
    await drafter.getByLabel('撤稿或更正原因').fill('第二段日期有误。');
    await screenshot(drafter, '62-before-correction');
    await drafter.getByRole('button', { name: /更\s*正/ }).click();
    await drafter.getByText('已开始更正').waitFor();
    await drafter.getByRole('button', { name: /^编\s*辑$/ }).waitFor();
    await expectAccessible(drafter, 'a document reopened for correction');
    await screenshot(drafter, '63-correction-started');
  });

  it('retries a failed publication, then retracts it: requested by the publisher, authorized by the principal', async () => {
    await castReady();
    await run.system.kill('portal', 'SIGTERM');
    const drafted = await draftArticle(cast);
    try {
      await signOff(cast, drafted.id, drafted.version);
      await clearSecrecy(cast, drafted.id, drafted.version);
      await waitForPublication(cast.drafter, drafted.id, (publication) => publication.state === 'publish_failed', 'the failed publication', 60_000);
    } finally {
      await run.system.start('portal');
    }
    const publisher = await run.as('gx_publisher');
    await publisher.goto(url(`/documents/${drafted.id}`));
    await publisher.getByText('发布失败', { exact: true }).first().waitFor();
    await expectAccessible(publisher, 'a failed publication');
    await screenshot(publisher, '64-publish-failed');
    await publisher.getByRole('button', { name: '重新发布' }).click();
    await publisher.getByTestId('portal-link').waitFor({ timeout: 45_000 });
    await screenshot(publisher, '65-republished');

    await publisher.getByLabel('撤稿或更正原因').fill('文件已废止，撤下原文。');
    await publisher.getByRole('button', { name: '申请撤稿' }).click();
    await confirm(publisher, /申请撤稿/);
    await publisher.getByText('撤稿申请已提交').waitFor();
    await publisher.getByText('待主要领导授权', { exact: false }).waitFor();

    const principal = await run.as('gx_principal');
    await principal.goto(url(`/documents/${drafted.id}`));
    await principal.getByRole('button', { name: '授权撤稿' }).click();
    await screenshot(principal, '66-authorize-retraction');
    await confirm(principal, /授权撤稿/);
    await principal.getByText('已授权撤稿').waitFor();
    await principal.getByText('已撤稿').first().waitFor();
    await expectAccessible(principal, 'a retracted publication');
    await screenshot(principal, '67-retracted');
  });
});
