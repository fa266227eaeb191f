import { chineseNumeral } from '../text/normalise.js';
import { findDuplicatedTokens } from '../text/duplicates.js';
import type { FindingDraft, Rule } from './types.js';
import { fail, notApplicable, pass, textFinding } from './verdict.js';

const ACCEPTED_CITATIONS = new Set(['中华人民共和国政府信息公开条例', '政府信息公开条例', '条例']);
const CITATION = /《([^》]{0,30}?条例)》/g;

export const TXT_01: Rule = {
  id: 'TXT-01',
  severity: 'error',
  title: '正确引用《中华人民共和国政府信息公开条例》',
  check({ prose }) {
    const findings: FindingDraft[] = [];
    for (const match of prose.all.matchAll(CITATION)) {
      const name = match[1].replace(/\s+/g, '');
      if (!ACCEPTED_CITATIONS.has(name) && /公开条例$/.test(name)) {
        findings.push(textFinding(`条例名称“《${match[1]}》”有误，应为《中华人民共和国政府信息公开条例》`, '《中华人民共和国政府信息公开条例》', `《${match[1]}》`));
      }
    }
    return findings.length > 0 ? fail(findings) : pass();
  },
};

export const TXT_02: Rule = {
  id: 'TXT-02',
  severity: 'warning',
  title: '正文没有重复的字词',
  check({ prose }) {
    const findings = findDuplicatedTokens(prose.all).map((hit) =>
      textFinding(`正文“${hit.context}”中“${hit.token}”重复`, hit.token, hit.context),
    );
    return findings.length > 0 ? fail(findings) : pass();
  },
};

const MARKER = /(?<=^|[。；;，,：:\s（）()、])([一二三四五六七八九十]+)是/g;

export const TXT_03: Rule = {
  id: 'TXT-03',
  severity: 'warning',
  title: '“一是、二是……”序号连续',
  check({ prose }) {
    const findings: FindingDraft[] = [];
    let previous = 0;
    for (const match of prose.lines.matchAll(MARKER)) {
      const ordinal = chineseNumeral(match[1]);
      if (ordinal === null) continue;
      if (ordinal !== 1 && ordinal !== previous + 1) {
        const context = prose.lines.slice(Math.max(0, (match.index ?? 0) - 8), (match.index ?? 0) + 8).replace(/\s+/g, '');
        findings.push(textFinding(`序号“${match[0]}”接在第${previous}项之后，不连续：“${context}”`, previous + 1, ordinal));
      }
      previous = ordinal;
    }
    return findings.length > 0 ? fail(findings) : pass();
  },
};

const PHONE = /(?:电话|热线|联系方式)\s*[:：]?\s*((?:[0-9][0-9\-—－–\s]{3,}[0-9])|[0-9]{5})/g;

export function isWellFormedPhone(raw: string): boolean {
  const text = raw.replace(/\s+/g, '').replace(/[—－–]/g, '-');
  return /^0\d{2,3}-\d{7,8}$/.test(text) || /^0\d{9,11}$/.test(text) || /^1\d{10}$/.test(text) || /^1\d{4}$/.test(text);
}

export const TXT_04: Rule = {
  id: 'TXT-04',
  severity: 'warning',
  title: '联系电话格式正确',
  check({ prose }) {
    const phones = [...prose.all.matchAll(PHONE)].map((m) => m[1].trim());
    if (phones.length === 0) return notApplicable('未写明联系电话');
    const findings = phones
      .filter((phone) => !isWellFormedPhone(phone))
      .map((phone) => textFinding(`联系电话“${phone}”格式不正确（应为区号-7至8位号码、11位手机号或5位热线）`, '区号-7至8位号码', phone));
    return findings.length > 0 ? fail(findings) : pass();
  },
};

export const TXT_05: Rule = {
  id: 'TXT-05',
  severity: 'warning',
  title: '2021版：第六部分说明信息处理费收取情况',
  check({ report, prose }) {
    if (report.format !== '2021') return notApplicable('仅适用于2021版格式');
    if (/信息处理费/.test(prose.other)) return pass();
    return fail([textFinding('“六、其他需要报告的事项”未说明收取信息处理费的情况（国办函〔2020〕109号）', '信息处理费收取情况', prose.other.trim())]);
  },
};
