import { writeCell } from './cells.js';
import { createEmptyReport } from './create-report.js';
import { cellsOf } from './cells.js';
import type { FormatId } from './format.js';
import type { AnnualReport } from './report.js';

const AD = '/activeDisclosure';
const A = '/applications';

const COMMON_CELLS: Record<string, number> = {
  [`${A}/newReceived/naturalPerson`]: 3,
  [`${A}/newReceived/commercialEnterprise`]: 2,
  [`${A}/newReceived/total`]: 5,
  [`${A}/results/granted/naturalPerson`]: 2,
  [`${A}/results/granted/commercialEnterprise`]: 1,
  [`${A}/results/granted/total`]: 3,
  [`${A}/results/partiallyGranted/naturalPerson`]: 1,
  [`${A}/results/partiallyGranted/total`]: 1,
  [`${A}/results/denied/protectsThirdPartyRights/commercialEnterprise`]: 1,
  [`${A}/results/denied/protectsThirdPartyRights/total`]: 1,
  [`${A}/results/total/naturalPerson`]: 3,
  [`${A}/results/total/commercialEnterprise`]: 2,
  [`${A}/results/total/total`]: 5,
  '/reviewLitigation/administrativeReview/upheld': 1,
  '/reviewLitigation/administrativeReview/total': 1,
};

const CELLS: Record<FormatId, Record<string, number>> = {
  '2019': {
    [`${AD}/article20Item1/normativeDocuments/newlyMade`]: 2,
    [`${AD}/article20Item1/normativeDocuments/newlyPublished`]: 2,
    [`${AD}/article20Item1/normativeDocuments/totalPublished`]: 10,
    [`${AD}/article20Item5/administrativeLicensing/previousYearCount`]: 10,
    [`${AD}/article20Item5/administrativeLicensing/changeThisYear`]: 2,
    [`${AD}/article20Item5/administrativeLicensing/decisionCount`]: 5,
    [`${AD}/article20Item6/administrativePunishment/previousYearCount`]: 3,
    [`${AD}/article20Item6/administrativePunishment/changeThisYear`]: -1,
    [`${AD}/article20Item6/administrativePunishment/decisionCount`]: 2,
    [`${AD}/article20Item8/administrativeFees/previousYearCount`]: 4,
    [`${AD}/article20Item9/centralizedProcurement/projectCount`]: 2,
    [`${AD}/article20Item9/centralizedProcurement/totalAmountYuan`]: 150000,
  },
  '2021': {
    [`${AD}/article20Item1/normativeDocuments/issuedThisYear`]: 2,
    [`${AD}/article20Item1/normativeDocuments/repealedThisYear`]: 1,
    [`${AD}/article20Item1/normativeDocuments/currentlyValid`]: 10,
    [`${AD}/article20Item5/administrativeLicensing/decisionsThisYear`]: 3,
    [`${AD}/article20Item6/administrativePunishment/decisionsThisYear`]: 1,
    [`${AD}/article20Item8/administrativeFees/amountTenThousandYuan`]: 0.5,
  },
};

/**
 * A complete, consistent report that passes every rule: the baseline tests and the benchmark
 * start from, changing one thing at a time. Department of a city, all cells filled.
 */
export function sampleReport(format: FormatId, reportYear = format === '2019' ? 2020 : 2021): AnnualReport {
  const agency = '海东市工业和信息化局';
  const created = createEmptyReport({ reportYear, agency: { name: agency } });
  if (!created.ok) throw new Error(created.error.message);
  const report = created.value;
  for (const def of cellsOf(report.format)) writeCell(report, def.pointer, 0);
  for (const [pointer, value] of Object.entries({ ...COMMON_CELLS, ...CELLS[report.format] })) writeCell(report, pointer, value);
  report.sections = {
    intro:
      `根据《中华人民共和国政府信息公开条例》，特向社会公布${reportYear}年度本机关政府信息公开工作年度报告。` +
      '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。' +
      `本报告中所列数据的统计期限自${reportYear}年1月1日起至${reportYear}年12月31日止。如对本报告有疑问，请与${agency}办公室联系，电话：0972-8613858。`,
    overall: `${reportYear}年，我局认真贯彻落实《条例》。一是加强组织领导；二是完善工作制度。\n全年收到政府信息公开申请5件，办结5件。`,
    activeDisclosureNotes: '',
    applicationsNotes: '',
    reviewLitigationNotes: '',
    problemsAndImprovements: '一是公开内容有待丰富；二是队伍建设有待加强。下一步，我局将完善制度，加强业务培训。',
    otherMatters: `${reportYear}年，本机关未收取信息处理费。`,
  };
  report.signatureDate = `${reportYear + 1}-01-10`;
  return report;
}
