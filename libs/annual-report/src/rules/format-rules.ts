import { formatForYear } from '../model/format.js';
import type { Rule } from './types.js';
import { fail, pass, textFinding } from './verdict.js';

export const FMT_01: Rule = {
  id: 'FMT-01',
  severity: 'error',
  title: '能够识别报告格式（2019版或2021版）',
  check({ report }) {
    const facts = report.extraction;
    if (facts === undefined) return pass([`按声明的${report.format}版格式核对`]);
    if (facts.detectedFormat === null) {
      return fail([textFinding('无法从表头、行标题识别报告使用的是2019版还是2021版格式', '2019或2021', null)]);
    }
    return pass([`识别为${facts.detectedFormat}版格式`]);
  },
};

export const FMT_02: Rule = {
  id: 'FMT-02',
  severity: 'error',
  title: '报告格式与报告年度相符',
  check({ report }) {
    const expected = formatForYear(report.reportYear);
    if (!expected.ok) {
      return fail([textFinding(`${report.reportYear}年度属于2019年以前的旧版格式，不在支持范围内`, '2019年及以后', report.reportYear)]);
    }
    if (expected.value !== report.format) {
      return fail([
        textFinding(`${report.reportYear}年度报告应使用${expected.value}版格式，实际为${report.format}版`, expected.value, report.format),
      ]);
    }
    return pass();
  },
};

export const FMT_03: Rule = {
  id: 'FMT-03',
  severity: 'error',
  title: '各格式要素来自同一版格式（无混用）',
  check({ report }) {
    const elements = report.extraction?.elementFormats;
    if (elements === undefined) return pass();
    const names = { activeDisclosure: '主动公开表', otherHandling: '“（六）其他处理”' } as const;
    const findings = (Object.keys(names) as (keyof typeof names)[])
      .filter((key) => elements[key] !== null && elements[key] !== report.format)
      .map((key) =>
        textFinding(`${names[key]}使用${elements[key]}版格式，而报告其余部分为${report.format}版，属于新旧格式混用`, report.format, elements[key]),
      );
    return findings.length > 0 ? fail(findings) : pass();
  },
};
