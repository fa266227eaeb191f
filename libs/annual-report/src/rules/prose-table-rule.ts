import { operand } from './operands.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';
import { combine } from './verdict.js';
import type { Instance } from './verdict.js';

const A = '/applications';
const R = `${A}/results`;
const c7 = (row: string): string => `${row}/total`;
const sumOf = (group: string, keys: readonly string[]): string[] => keys.map((k) => c7(`${R}/${group}/${k}`));
const DENIED = ['stateSecret', 'prohibitedByLawsAndRegulations', 'endangersThreeSecuritiesOneStability', 'protectsThirdPartyRights', 'internalAffairs', 'processInformation', 'lawEnforcementCaseFile', 'administrativeQuery'];
const UNABLE = ['notHeldByAgency', 'requiresNewCreation', 'unclearAfterCorrection'];
const NOT_PROCESSED = ['petitionOrComplaint', 'repeatedApplication', 'publicationRequested', 'massRepeatedWithoutReason', 'confirmOrReissueObtainedInfo'];

interface Statement {
  what: string;
  pattern: RegExp;
  /** Only sentences about applications (not 人大建议/政协提案). */
  aboutApplications: boolean;
  /** Alternative table readings the stated number may equal; each is a sum of cells. */
  candidates(context: RuleContext): string[][];
}

const N = String.raw`[^。；;\d]{0,12}?(\d+)\s*件`;
const STATEMENTS: readonly Statement[] = [
  {
    what: '收到申请',
    pattern: new RegExp(String.raw`(?:收到|受理|接收|接到)[^。；;]*?申请[^。；;\d]*?(\d+)\s*件`, 'g'),
    aboutApplications: true,
    candidates: () => [[c7(`${A}/newReceived`)], [c7(`${A}/newReceived`), c7(`${A}/carriedOverFromPreviousYear`)]],
  },
  {
    what: '未收到申请',
    pattern: /未(?:收到|受理|接到)[^。；;，,\d]{0,12}申请()/g,
    aboutApplications: true,
    candidates: () => [[c7(`${A}/newReceived`)], [c7(`${A}/newReceived`), c7(`${A}/carriedOverFromPreviousYear`)]],
  },
  { what: '办结申请', pattern: new RegExp(`(?:办结|答复)${N}`, 'g'), aboutApplications: true, candidates: () => [[c7(`${R}/total`)]] },
  { what: '结转下年度', pattern: new RegExp(`(?<!上年)结转${N}`, 'g'), aboutApplications: true, candidates: () => [[c7(`${A}/carriedForwardToNextYear`)]] },
  {
    what: '予以公开',
    pattern: new RegExp(`予以公开${N}`, 'g'),
    aboutApplications: true,
    candidates: () => [[c7(`${R}/granted`)], [c7(`${R}/granted`), c7(`${R}/partiallyGranted`)]],
  },
  { what: '不予公开', pattern: new RegExp(`不予公开${N}`, 'g'), aboutApplications: true, candidates: () => [sumOf('denied', DENIED)] },
  { what: '无法提供', pattern: new RegExp(`无法提供${N}`, 'g'), aboutApplications: true, candidates: () => [sumOf('unableToProvide', UNABLE)] },
  { what: '不予处理', pattern: new RegExp(`不予处理${N}`, 'g'), aboutApplications: true, candidates: () => [sumOf('notProcessed', NOT_PROCESSED)] },
  {
    what: '其他处理',
    pattern: new RegExp(`其他处理${N}`, 'g'),
    aboutApplications: true,
    candidates: ({ report }) =>
      report.format === '2019' ? [[c7(`${R}/otherHandling`)]] : [sumOf('otherHandling', ['noCorrectionOverdue', 'feeNotPaidOverdue', 'other'])],
  },
  {
    what: '自然人申请',
    pattern: new RegExp(`自然人${N}`, 'g'),
    aboutApplications: true,
    candidates: () => [[`${A}/newReceived/naturalPerson`], [`${A}/newReceived/naturalPerson`, `${A}/carriedOverFromPreviousYear/naturalPerson`]],
  },
  {
    what: '商业企业申请',
    pattern: new RegExp(`商业企业${N}`, 'g'),
    aboutApplications: true,
    candidates: () => [[`${A}/newReceived/commercialEnterprise`], [`${A}/newReceived/commercialEnterprise`, `${A}/carriedOverFromPreviousYear/commercialEnterprise`]],
  },
  {
    what: '行政复议',
    pattern: /行政复议[^。；;\d]{0,8}?(\d+)\s*(?:件|起)/g,
    aboutApplications: false,
    candidates: () => [['/reviewLitigation/administrativeReview/total']],
  },
  {
    what: '行政诉讼',
    pattern: /行政诉讼[^。；;\d]{0,8}?(\d+)\s*(?:件|起)/g,
    aboutApplications: false,
    candidates: () => [['/reviewLitigation/litigationWithoutReview/total', '/reviewLitigation/litigationAfterReview/total']],
  },
];

const NOT_APPLICATIONS = /提案|议案|建议|留言|咨询/;

function judge(context: RuleContext, statement: Statement, stated: number, quote: string): Instance {
  const sums = statement.candidates(context).map((cells) => {
    const values = cells.map((p) => operand(context.report, p, context.mode));
    return values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0);
  });
  if (sums.some((s) => s === stated)) return { status: 'PASS' };
  if (sums.every((s) => s === null)) return { status: 'N/E', note: `正文“${quote}”对应的表格单元格空白，无法核对` };
  const actual = sums.find((s) => s !== null) ?? null;
  const finding: FindingDraft = {
    message: `正文“${quote}”所述${statement.what}${stated}件，与表格数据${actual}不一致`,
    table: statement.aboutApplications ? '三、收到和处理政府信息公开申请情况' : '四、政府信息公开行政复议、行政诉讼情况',
    row: null,
    column: null,
    expected: actual,
    actual: stated,
    cells: statement.candidates(context)[0],
  };
  return { status: 'FAIL', finding };
}

export const APP_06: Rule = {
  id: 'APP-06',
  severity: 'warning',
  title: '正文所述申请、复议、诉讼数量与表格一致',
  check(context) {
    const instances: Instance[] = [];
    for (const sentence of context.prose.all.split(/[。；;！？\n]/)) {
      for (const statement of STATEMENTS) {
        if (statement.aboutApplications && (!sentence.includes('申请') || NOT_APPLICATIONS.test(sentence))) continue;
        for (const match of sentence.matchAll(statement.pattern)) {
          const stated = match[1] === '' ? 0 : Number(match[1]);
          instances.push(judge(context, statement, stated, match[0].trim()));
        }
      }
    }
    return combine(instances, '正文未陈述申请、复议或诉讼数量');
  },
};
