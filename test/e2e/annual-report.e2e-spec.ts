import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentToReport, reportToContent, sampleReport } from '@sanshen/annual-report';
import type { AnnualReportContent } from '@sanshen/annual-report';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { signIn } from './support/api.js';
import type { Session } from './support/api.js';
import { docxOf, pdfOf } from './support/report-files.js';
import { startSystem } from './support/system.js';
import type { RunningSystem } from './support/system.js';

const REFERENCE = fileURLToPath(new URL('../fixtures/reference/', import.meta.url));
const reference = (name: string): string => readFileSync(`${REFERENCE}${name}.txt`, 'utf8');
const NATURAL_PERSON_NEW = '/applications/newReceived/naturalPerson';

interface Finding {
  ruleId: string;
  severity: string;
  table: string | null;
  row: string | null;
  column: string | null;
  expected: unknown;
  actual: unknown;
  cells: string[];
}

/**
 * The annual report in the drafting service, every service a real process: create a 2021-format report,
 * fill it, check it, be refused with findings naming the cell, fix, explain the warnings, submit,
 * and take it through 三审 and 保密审查 to the portal page with its tables; import reference reports
 * (text, .txt, .docx, PDF); carry-over and cross-year rules; diff; 本级汇总.
 */
describe('annual reports through the API', () => {
  let system: RunningSystem;
  let drafter: Session;
  let head: Session;
  let deputy: Session;
  let principal: Session;
  let secrecyOfficer: Session;
  let zwDrafter: Session;
  let ppDrafter: Session;

  beforeAll(async () => {
    system = await startSystem();
    [drafter, head, deputy, principal, secrecyOfficer, zwDrafter, ppDrafter] = await Promise.all(
      ['gx_drafter', 'gx_dept_head', 'gx_deputy', 'gx_principal', 'gx_secrecy_officer', 'zw_drafter', 'pp_drafter'].map((username) =>
        signIn(system, username),
      ),
    );
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('refuses a report for a year before 2019 with a clear message', async () => {
    const response = await drafter.post('/api/v1/documents', { kind: 'annual_report', year: 2018 });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('ANNUAL_REPORT.YEAR_UNSUPPORTED');
    expect(response.body.message).toContain('2018');
  });

  it('creates, fills, checks, refuses, fixes and submits a 2021-format report, then publishes it with its tables', async () => {
    // Other e2e files share this run's database (the role × route matrix imports 海东市工信局 2025): take
    // the first year from 2026 in which no agency has a report, so the 本级汇总 below is this report alone.
    const year = await freeYear();
    const created = await drafter.post('/api/v1/documents', { kind: 'annual_report', year });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ kind: 'annual_report', status: 'draft', version: 1 });
    const id = created.body.id as string;
    const empty = created.body.content as AnnualReportContent;
    expect(empty).toMatchObject({ format: '2021', year });
    expect(empty.headings).toHaveLength(6);
    expect(empty.tables.applications.newReceived.naturalPerson).toBeNull();

    const second = await drafter.post('/api/v1/documents', { kind: 'annual_report', year });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ANNUAL_REPORT.ALREADY_EXISTS');

    // A complete, consistent report — except one cell.
    const sample = reportToContent(sampleReport('2021', year));
    const filled = await drafter.patch(`/api/v1/documents/${id}`, {
      version: 1,
      content: { sections: sample.sections, tables: sample.tables, signatureDate: `${year + 1}-01-10` },
    });
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    expect(filled.body.version).toBe(2);
    const wrong = (sample.tables.applications.newReceived.naturalPerson ?? 0) + 1;
    const broken = await drafter.patch(`/api/v1/documents/${id}`, { version: 2, content: { cells: { [NATURAL_PERSON_NEW]: wrong } } });
    expect(broken.status).toBe(200);
    expect(broken.body.content.tables.applications.newReceived.naturalPerson).toBe(wrong);

    // The drafter made version 3 themselves: the answer says their copy is stale, not that someone else changed it.
    const stale = await drafter.patch(`/api/v1/documents/${id}`, { version: 2, content: { sections: { otherMatters: '无。' } } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('DOCUMENT.VERSION_STALE');

    const unknownCell = await drafter.patch(`/api/v1/documents/${id}`, { version: 3, content: { cells: { '/applications/newReceived/robots': 1 } } });
    expect(unknownCell.status).toBe(400);
    expect(unknownCell.body.details).toEqual({ field: '/applications/newReceived/robots' });

    const check = await drafter.post(`/api/v1/documents/${id}/check`, {});
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ documentId: id, version: 3, previousReport: null });
    const naming = (check.body.errors as Finding[]).filter((f) => f.cells.includes(NATURAL_PERSON_NEW));
    expect(naming.length).toBeGreaterThan(0);
    expect(naming.map((f) => f.column)).toContain('自然人');
    expect(naming.every((f) => f.table !== null && f.expected !== null && f.actual !== null)).toBe(true);
    expect(Array.isArray(check.body.findings)).toBe(true);

    const refused = await drafter.post(`/api/v1/documents/${id}/submit`, { version: 3 });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ANNUAL_REPORT.CONSISTENCY_FAILED');
    const refusedFindings = refused.body.details.errors as Finding[];
    expect(refusedFindings.some((f) => f.cells.includes(NATURAL_PERSON_NEW) && f.column === '自然人')).toBe(true);
    expect((await drafter.get(`/api/v1/documents/${id}`)).body.status).toBe('draft');

    // Fixed — and a doubled word that is only a warning: it needs the drafter's explanation.
    const fixed = await drafter.patch(`/api/v1/documents/${id}`, {
      version: 3,
      content: {
        cells: { [NATURAL_PERSON_NEW]: sample.tables.applications.newReceived.naturalPerson },
        sections: { otherMatters: `${sample.sections.otherMatters}本年度的的其他事项均已报告。` },
      },
    });
    expect(fixed.status).toBe(200);
    const recheck = await drafter.post(`/api/v1/documents/${id}/check`, {});
    expect(recheck.body.errors).toEqual([]);
    expect((recheck.body.warnings as Finding[]).map((f) => f.ruleId)).toContain('TXT-02');

    const unexplained = await drafter.post(`/api/v1/documents/${id}/submit`, { version: 4 });
    expect(unexplained.status).toBe(422);
    expect(unexplained.body.code).toBe('ANNUAL_REPORT.WARNINGS_UNEXPLAINED');

    const explanation = '“的的”为引用原文，保持不变。';
    const submitted = await drafter.post(`/api/v1/documents/${id}/submit`, { version: 4, warningsExplanation: explanation });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'pending_l1', warningsExplanation: explanation });
    expect((await head.get(`/api/v1/documents/${id}`)).body.warningsExplanation).toBe(explanation);

    // The head returns it; the drafter's next edit is diffed against what the head decided on.
    await waitFor(async () => {
      const inbox = await head.get('/api/v1/reviews/inbox');
      return inbox.body.items?.some((item: { documentId: string }) => item.documentId === id);
    }, { what: 'the 一审 task' });
    const returned = await head.post(`/api/v1/documents/${id}/return`, { version: 4, reason: '请删除重复用字', to: 'drafter' });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    await waitFor(async () => ((await drafter.get(`/api/v1/documents/${id}`)).body.status === 'draft' ? true : undefined), {
      what: 'drafting to project the return',
    });
    const revised = await drafter.patch(`/api/v1/documents/${id}`, {
      version: 4,
      content: { sections: { otherMatters: sample.sections.otherMatters }, cells: { '/reviewLitigation/administrativeReview/upheld': 0 } },
    });
    expect(revised.status).toBe(200);
    const diff = await waitFor(async () => {
      const response = await drafter.get(`/api/v1/documents/${id}/diff`);
      return response.status === 200 && response.body.from === 4 ? response.body : undefined;
    }, { what: 'the diff against the returned version' });
    expect(diff).toMatchObject({ from: 4, to: 5 });
    expect(diff.sections.map((s: { key: string }) => s.key)).toEqual(['otherMatters']);
    expect(diff.sections[0].ops).toContainEqual({ op: 'delete', text: '本年度的的其他事项均已报告。' });
    const upheldBefore = sample.tables.reviewLitigation.administrativeReview.upheld;
    expect(upheldBefore).toBe(1);
    expect(diff.cells).toEqual([
      expect.objectContaining({ pointer: '/reviewLitigation/administrativeReview/upheld', table: '表四', from: 1, to: 0 }),
    ]);
    const explicit = await drafter.get(`/api/v1/documents/${id}/diff?from=2&to=3`);
    expect(explicit.body.cells).toEqual([expect.objectContaining({ pointer: NATURAL_PERSON_NEW, column: '自然人', to: wrong })]);

    // 结果维持 0 no longer adds up to 总计 1 in 表四: refused again, naming that cell; restored.
    const final = await drafter.post(`/api/v1/documents/${id}/check`, {});
    expect((final.body.errors as Finding[]).some((f) => f.cells.includes('/reviewLitigation/administrativeReview/upheld'))).toBe(true);
    const restored = await drafter.patch(`/api/v1/documents/${id}`, {
      version: 5,
      content: { cells: { '/reviewLitigation/administrativeReview/upheld': upheldBefore } },
    });
    expect(restored.status).toBe(200);
    const version = 6;
    const resubmitted = await drafter.post(`/api/v1/documents/${id}/submit`, { version });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);

    for (const [reviewer, next] of [
      [head, 'pending_l2'],
      [deputy, 'pending_l3'],
      [principal, 'pending_secrecy'],
    ] as const) {
      const approved = await waitFor(async () => {
        const response = await reviewer.post(`/api/v1/documents/${id}/approve`, { version, comment: '同意' });
        return response.status === 200 ? response : undefined;
      }, { what: `approval to ${next}` });
      expect(approved.body.status).toBe(next);
    }
    await waitFor(async () => {
      const response = await secrecyOfficer.post(`/api/v1/documents/${id}/secrecy/decision`, {
        version,
        conclusion: 'public',
        basis: '《中华人民共和国保守国家秘密法》第三十五条',
        opinion: '经审查，不涉及国家秘密和工作秘密，同意公开。',
      });
      return response.status === 201 ? response : undefined;
    }, { what: 'the secrecy decision' });
    const publication = await waitFor(async () => {
      const response = await drafter.get(`/api/v1/documents/${id}/publication`);
      return response.status === 200 && response.body.receipt ? response.body : undefined;
    }, { timeoutMs: 30_000, what: 'the portal receipt' });
    expect(publication.state).toBe('published');

    const page = await request(system.portalUrl).get(`/reports/${created.body.agencyId}/${year}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('申请人情况');
    expect(page.text).toContain('法人或其他组织');
    expect(page.text).toContain('行政复议');
    expect(page.text).toMatch(/<th[^>]*colspan="7"/);
    expect(page.text).toContain('第二十条第（一）项');
    expect(page.text).toContain(sample.sections.overall.slice(0, 20));
    // The 政府信息公开目录 entry: filed under the agency's 年报 column (ndbg), with an index number of it.
    expect(page.text).toContain('<caption>信息公开目录</caption>');
    expect(page.text).toMatch(/<th scope="row">索引号<\/th><td>[0-9A-F]{8}\/ndbg-\d{4}-\d{5}<\/td>/);
    expect(page.text).toContain('<th scope="row">栏目</th><td>政府信息公开年报</td>');

    // 本级汇总: the published report is summed, the agencies without one are listed.
    const aggregate = await waitFor(async () => {
      const response = await principal.get(`/api/v1/annual-reports/aggregate?year=${year}`);
      return response.status === 200 && response.body.included.length > 0 ? response.body : undefined;
    }, { what: 'drafting to project the publication' });
    expect(aggregate.included).toEqual([expect.objectContaining({ documentId: id, status: 'published' })]);
    expect(aggregate.tables.applications.newReceived.naturalPerson).toBe(sample.tables.applications.newReceived.naturalPerson);
    expect(aggregate.missing.map((m: { agencyName: string }) => m.agencyName)).toEqual(
      expect.arrayContaining(['海东市政务服务监督管理局', '海东市地方品牌产业培育促进局']),
    );
    expect(aggregate.failing).toEqual([]);
    const forbidden = await drafter.get(`/api/v1/annual-reports/aggregate?year=${year}`);
    expect(forbidden.status).toBe(403);
  });

  it('imports a reference report from its text with what could not be placed, and carries it into next year', async () => {
    const imported = await drafter.post('/api/v1/documents/import', { text: reference('000_haidong-gongxin-2019') });
    expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(201);
    expect(imported.body).toMatchObject({ kind: 'annual_report', status: 'draft', version: 1 });
    expect(imported.body.content).toMatchObject({ format: '2019', year: 2019 });
    const unplaced = imported.body.unplaced as { line: number; text: string; reason: string }[];
    expect(unplaced.length).toBeGreaterThan(0);
    expect(unplaced.every((item) => Number.isInteger(item.line) && item.line > 0 && item.reason !== '')).toBe(true);

    const html = await drafter.get(`/api/v1/documents/${imported.body.id}/rendering`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('@media print');
    expect(html.text).toMatch(/<th[^>]*colspan="7"/);
    const json = await drafter.get(`/api/v1/documents/${imported.body.id}/rendering?format=json`);
    expect(json.body).toMatchObject({ format: '2019', reportYear: 2019 });
    expect(json.body.applications).toEqual(imported.body.content.tables.applications);

    // The imported 2019 report is last year's for a 2020 report: carry-over cells prefilled, XYR rules run.
    const previous = contentToReport(imported.body.content as AnnualReportContent);
    const next = await drafter.post('/api/v1/documents', { kind: 'annual_report', year: 2020 });
    expect(next.status).toBe(201);
    const content = next.body.content as AnnualReportContent;
    expect(content.format).toBe('2019');
    expect(content.tables.applications.carriedOverFromPreviousYear).toEqual(previous.applications.carriedForwardToNextYear);
    const check = await drafter.post(`/api/v1/documents/${next.body.id}/check`, {});
    expect(check.body.previousReport).toEqual({ documentId: imported.body.id, version: 1, year: 2019 });
    const xyr = (check.body.outcomes as { ruleId: string; status: string }[]).filter((o) => o.ruleId.startsWith('XYR-'));
    expect(xyr.some((o) => o.status !== 'N/A')).toBe(true);
  });

  it('imports reports uploaded as .txt, .docx and PDF files', async () => {
    const asTxt = await upload(zwDrafter.token, Buffer.from(reference('001_haidong-zhengwufuwu-2019')), '年报.txt');
    expect(asTxt.status, JSON.stringify(asTxt.body).slice(0, 300)).toBe(201);
    expect(asTxt.body.content).toMatchObject({ format: '2019', year: 2019 });
    expect(asTxt.body.unplaced).toEqual([]);

    const asDocx = await upload(ppDrafter.token, docxOf(reference('003_haidong-pinpai-2021')), '2021年报.docx');
    expect(asDocx.status, JSON.stringify(asDocx.body).slice(0, 300)).toBe(201);
    expect(asDocx.body.content).toMatchObject({ format: '2021', year: 2021 });
    expect(asDocx.body.unplaced).toEqual([]);

    const asPdf = await upload(zwDrafter.token, pdfOf(reference('004_weihai-gongxin-2020')), '2020年报.pdf');
    expect(asPdf.status, JSON.stringify(asPdf.body).slice(0, 300)).toBe(201);
    expect(asPdf.body.content).toMatchObject({ format: '2019', year: 2020 });

    const unsupported = await upload(zwDrafter.token, Buffer.from('not a report'), 'report.exe');
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.code).toBe('IMPORT.UNSUPPORTED_FILE');

    const tooLarge = await upload(zwDrafter.token, Buffer.alloc(800 * 1024, 0x41), 'big.txt');
    expect(tooLarge.status).toBe(413);
  });

  it('runs the content checks on an article', async () => {
    const created = await drafter.post('/api/v1/documents', {
      kind: 'article',
      title: '关于开展检查的通知',
      column: 'tzgg',
      body: '<p>联系人手机13912345678。</p>',
    });
    expect(created.status).toBe(201);
    const check = await drafter.post(`/api/v1/documents/${created.body.id}/check`, {});
    expect(check.status).toBe(200);
    expect(check.body.errors).toEqual([]);
    expect(check.body.findings).toContainEqual(expect.objectContaining({ section: 'body', type: 'mobile_number', matched: '13912345678' }));
  });

  async function freeYear(): Promise<number> {
    for (let year = 2026; year < 2060; year += 1) {
      const aggregate = await principal.get(`/api/v1/annual-reports/aggregate?year=${year}`);
      expect(aggregate.status).toBe(200);
      const taken = aggregate.body.included.length > 0 || aggregate.body.missing.some((m: { documentId?: string }) => m.documentId !== undefined);
      if (!taken) return year;
    }
    throw new Error('no free report year');
  }

  async function upload(token: string, bytes: Buffer, filename: string): Promise<request.Response> {
    return request(system.gatewayUrl)
      .post('/api/v1/documents/import')
      .set({ Authorization: `Bearer ${token}` })
      .attach('file', bytes, filename);
  }
});
