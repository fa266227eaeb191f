import type { FormatId } from './format.js';
import type { TableId } from './report.js';
import { SECTION_HEADINGS } from './labels.js';

/** How a cell's number is read and checked (NUM-02). */
export type CellKind = 'count' | 'signed' | 'moneyYuan' | 'moneyTenThousandYuan';

/**
 * The values a cell may hold at all: counts of items and applications, changes of them, and fees.
 * Far above any agency's year (a city's total is in the tens of thousands), far below where
 * arithmetic loses integers; anything outside is a typing error or hostile input, refused on edit.
 */
export const CELL_RANGES = {
  count: { min: 0, max: 999_999_999 },
  signed: { min: -999_999_999, max: 999_999_999 },
  moneyYuan: { min: 0, max: 999_999_999_999 },
  moneyTenThousandYuan: { min: 0, max: 99_999_999 },
} as const satisfies Record<CellKind, { min: number; max: number }>;

export interface ColumnDef {
  key: string;
  /** Rule-level id (c1…c7, r1…l5…) or the schema key for 主动公开 columns. */
  id: string;
  label: string;
  group?: string;
  kind: CellKind;
}

export interface RowDef {
  /** Rule-level id (new, carry, d1 … / regulations …). */
  id: string;
  /** JSON pointer of the row object. */
  pointer: string;
  label: string;
  /** Label used in messages. */
  short: string;
  /** Spanning group labels above the row label (level 1, level 2). */
  groups: readonly string[];
}

export interface SubTableDef {
  table: TableId;
  /** e.g. 第二十条第（一）项; '' for the applications and review tables. */
  title: string;
  pointer: string;
  columns: readonly ColumnDef[];
  rows: readonly RowDef[];
}

const count = (key: string, label: string): ColumnDef => ({ key, id: key, label, kind: 'count' });
const signed = (key: string, label: string): ColumnDef => ({ key, id: key, label, kind: 'signed' });
const row = (base: string, id: string, key: string, label: string): RowDef => ({
  id,
  pointer: `${base}/${key}`,
  label,
  short: label,
  groups: [],
});

const AD = '/activeDisclosure';

const ITEM1_2019: SubTableDef = {
  table: 'activeDisclosure',
  title: '第二十条第（一）项',
  pointer: `${AD}/article20Item1`,
  columns: [count('newlyMade', '本年新制作数量'), count('newlyPublished', '本年新公开数量'), count('totalPublished', '对外公开总数量')],
  rows: [row(`${AD}/article20Item1`, 'regulations', 'regulations', '规章'), row(`${AD}/article20Item1`, 'normativeDocuments', 'normativeDocuments', '规范性文件')],
};
const PROJECT_COLUMNS = [count('previousYearCount', '上一年项目数量'), signed('changeThisYear', '本年增/减'), count('decisionCount', '处理决定数量')];
const ITEM5_2019: SubTableDef = {
  table: 'activeDisclosure',
  title: '第二十条第（五）项',
  pointer: `${AD}/article20Item5`,
  columns: PROJECT_COLUMNS,
  rows: [
    row(`${AD}/article20Item5`, 'administrativeLicensing', 'administrativeLicensing', '行政许可'),
    row(`${AD}/article20Item5`, 'otherExternalManagementServices', 'otherExternalManagementServices', '其他对外管理服务事项'),
  ],
};
const ITEM6_2019: SubTableDef = {
  table: 'activeDisclosure',
  title: '第二十条第（六）项',
  pointer: `${AD}/article20Item6`,
  columns: PROJECT_COLUMNS,
  rows: [
    row(`${AD}/article20Item6`, 'administrativePunishment', 'administrativePunishment', '行政处罚'),
    row(`${AD}/article20Item6`, 'administrativeCoercion', 'administrativeCoercion', '行政强制'),
  ],
};
const ITEM8_2019: SubTableDef = {
  table: 'activeDisclosure',
  title: '第二十条第（八）项',
  pointer: `${AD}/article20Item8`,
  columns: [count('previousYearCount', '上一年项目数量'), signed('changeThisYear', '本年增/减')],
  rows: [row(`${AD}/article20Item8`, 'administrativeFees', 'administrativeFees', '行政事业性收费')],
};
const ITEM9_2019: SubTableDef = {
  table: 'activeDisclosure',
  title: '第二十条第（九）项',
  pointer: `${AD}/article20Item9`,
  columns: [count('projectCount', '采购项目数量'), { key: 'totalAmountYuan', id: 'totalAmountYuan', label: '采购总金额', kind: 'moneyYuan' }],
  rows: [row(`${AD}/article20Item9`, 'centralizedProcurement', 'centralizedProcurement', '政府集中采购')],
};

const ITEM1_2021: SubTableDef = {
  table: 'activeDisclosure',
  title: '第二十条第（一）项',
  pointer: `${AD}/article20Item1`,
  columns: [count('issuedThisYear', '本年制发件数'), count('repealedThisYear', '本年废止件数'), count('currentlyValid', '现行有效件数')],
  rows: [row(`${AD}/article20Item1`, 'regulations', 'regulations', '规章'), row(`${AD}/article20Item1`, 'normativeDocuments', 'normativeDocuments', '行政规范性文件')],
};
const DECISIONS = [count('decisionsThisYear', '本年处理决定数量')];
const ITEM5_2021: SubTableDef = {
  table: 'activeDisclosure',
  title: '第二十条第（五）项',
  pointer: `${AD}/article20Item5`,
  columns: DECISIONS,
  rows: [row(`${AD}/article20Item5`, 'administrativeLicensing', 'administrativeLicensing', '行政许可')],
};
const ITEM6_2021: SubTableDef = {
  table: 'activeDisclosure',
  title: '第二十条第（六）项',
  pointer: `${AD}/article20Item6`,
  columns: DECISIONS,
  rows: [
    row(`${AD}/article20Item6`, 'administrativePunishment', 'administrativePunishment', '行政处罚'),
    row(`${AD}/article20Item6`, 'administrativeCoercion', 'administrativeCoercion', '行政强制'),
  ],
};
const ITEM8_2021: SubTableDef = {
  table: 'activeDisclosure',
  title: '第二十条第（八）项',
  pointer: `${AD}/article20Item8`,
  columns: [{ key: 'amountTenThousandYuan', id: 'amountTenThousandYuan', label: '本年收费金额（单位：万元）', kind: 'moneyTenThousandYuan' }],
  rows: [row(`${AD}/article20Item8`, 'administrativeFees', 'administrativeFees', '行政事业性收费')],
};

export const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  { key: 'naturalPerson', id: 'c1', label: '自然人', kind: 'count' },
  { key: 'commercialEnterprise', id: 'c2', label: '商业企业', group: '法人或其他组织', kind: 'count' },
  { key: 'researchInstitution', id: 'c3', label: '科研机构', group: '法人或其他组织', kind: 'count' },
  { key: 'socialWelfareOrganization', id: 'c4', label: '社会公益组织', group: '法人或其他组织', kind: 'count' },
  { key: 'legalServiceInstitution', id: 'c5', label: '法律服务机构', group: '法人或其他组织', kind: 'count' },
  { key: 'otherOrganization', id: 'c6', label: '其他', group: '法人或其他组织', kind: 'count' },
  { key: 'total', id: 'c7', label: '总计', kind: 'count' },
];

const A = '/applications';
const R = `${A}/results`;
const RESULTS = '三、本年度办理结果';
const appRow = (id: string, pointer: string, label: string, short: string, groups: readonly string[] = []): RowDef => ({
  id,
  pointer,
  label,
  short,
  groups,
});

export const DENIED_GROUP = '（三）不予公开';
export const UNABLE_GROUP = '（四）无法提供';
export const NOT_PROCESSED_GROUP = '（五）不予处理';
export const OTHER_HANDLING_LABEL = '（六）其他处理';

const HEAD_ROWS: readonly RowDef[] = [
  appRow('new', `${A}/newReceived`, '一、本年新收政府信息公开申请数量', '本年新收'),
  appRow('carry', `${A}/carriedOverFromPreviousYear`, '二、上年结转政府信息公开申请数量', '上年结转'),
  appRow('granted', `${R}/granted`, '（一）予以公开', '予以公开', [RESULTS]),
  appRow('partial', `${R}/partiallyGranted`, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开', [RESULTS]),
  ...(
    [
      ['d1', 'stateSecret', '1.属于国家秘密'],
      ['d2', 'prohibitedByLawsAndRegulations', '2.其他法律行政法规禁止公开'],
      ['d3', 'endangersThreeSecuritiesOneStability', '3.危及“三安全一稳定”'],
      ['d4', 'protectsThirdPartyRights', '4.保护第三方合法权益'],
      ['d5', 'internalAffairs', '5.属于三类内部事务信息'],
      ['d6', 'processInformation', '6.属于四类过程性信息'],
      ['d7', 'lawEnforcementCaseFile', '7.属于行政执法案卷'],
      ['d8', 'administrativeQuery', '8.属于行政查询事项'],
    ] as const
  ).map(([id, key, label]) => appRow(id, `${R}/denied/${key}`, label, `不予公开${label}`, [RESULTS, DENIED_GROUP])),
  ...(
    [
      ['u1', 'notHeldByAgency', '1.本机关不掌握相关政府信息'],
      ['u2', 'requiresNewCreation', '2.没有现成信息需要另行制作'],
      ['u3', 'unclearAfterCorrection', '3.补正后申请内容仍不明确'],
    ] as const
  ).map(([id, key, label]) => appRow(id, `${R}/unableToProvide/${key}`, label, `无法提供${label}`, [RESULTS, UNABLE_GROUP])),
  ...(
    [
      ['n1', 'petitionOrComplaint', '1.信访举报投诉类申请'],
      ['n2', 'repeatedApplication', '2.重复申请'],
      ['n3', 'publicationRequested', '3.要求提供公开出版物'],
      ['n4', 'massRepeatedWithoutReason', '4.无正当理由大量反复申请'],
      ['n5', 'confirmOrReissueObtainedInfo', '5.要求行政机关确认或重新出具已获取信息'],
    ] as const
  ).map(([id, key, label]) => appRow(id, `${R}/notProcessed/${key}`, label, `不予处理${label}`, [RESULTS, NOT_PROCESSED_GROUP])),
];

export const OTHER_ROW_2019 = appRow('other', `${R}/otherHandling`, OTHER_HANDLING_LABEL, '其他处理', [RESULTS]);
export const OTHER_ROWS_2021: readonly RowDef[] = (
  [
    ['o1', 'noCorrectionOverdue', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['o2', 'feeNotPaidOverdue', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    ['o3', 'other', '3.其他'],
  ] as const
).map(([id, key, label]) => appRow(id, `${R}/otherHandling/${key}`, label, `其他处理${label}`, [RESULTS, OTHER_HANDLING_LABEL]));

const TAIL_ROWS: readonly RowDef[] = [
  appRow('total', `${R}/total`, '（七）总计', '办理结果总计', [RESULTS]),
  appRow('fwd', `${A}/carriedForwardToNextYear`, '四、结转下年度继续办理', '结转下年度'),
];

const applications = (other: readonly RowDef[]): SubTableDef => ({
  table: 'applications',
  title: '',
  pointer: A,
  columns: APPLICANT_COLUMNS,
  rows: [...HEAD_ROWS, ...other, ...TAIL_ROWS],
});

export const REVIEW_OUTCOME_COLUMNS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['otherResult', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;

export const REVIEW_GROUPS = [
  { key: 'administrativeReview', prefix: 'r', label: '行政复议', group: '行政复议' },
  { key: 'litigationWithoutReview', prefix: 'l', label: '未经复议直接起诉', group: '行政诉讼' },
  { key: 'litigationAfterReview', prefix: 'p', label: '复议后起诉', group: '行政诉讼' },
] as const;

const REVIEW: SubTableDef = {
  table: 'reviewLitigation',
  title: '',
  pointer: '/reviewLitigation',
  // The review table is one data row of 15 cells; we model each group as a row of 5 columns.
  columns: REVIEW_OUTCOME_COLUMNS.map(([key, label], index) => ({ key, id: String(index + 1), label, kind: 'count' as const })),
  rows: REVIEW_GROUPS.map((g) => ({
    id: g.prefix,
    pointer: `/reviewLitigation/${g.key}`,
    label: g.label,
    short: g.group === g.label ? g.label : `${g.group}（${g.label}）`,
    groups: g.group === g.label ? [] : [g.group],
  })),
};

/** Every table of a format, in the order the report prints them. */
export const FORMAT_TABLES = {
  '2019': [ITEM1_2019, ITEM5_2019, ITEM6_2019, ITEM8_2019, ITEM9_2019, applications([OTHER_ROW_2019]), REVIEW],
  '2021': [ITEM1_2021, ITEM5_2021, ITEM6_2021, ITEM8_2021, applications(OTHER_ROWS_2021), REVIEW],
} as const satisfies Record<FormatId, readonly SubTableDef[]>;

export const TABLE_HEADINGS = {
  activeDisclosure: SECTION_HEADINGS.activeDisclosure,
  applications: SECTION_HEADINGS.applications,
  reviewLitigation: SECTION_HEADINGS.reviewLitigation,
} as const satisfies Record<TableId, string>;

export function tablesOf(format: FormatId): readonly SubTableDef[] {
  return FORMAT_TABLES[format];
}

export function applicationsTable(format: FormatId): SubTableDef {
  return FORMAT_TABLES[format].find((t) => t.table === 'applications')!;
}

export function activeDisclosureTables(format: FormatId): readonly SubTableDef[] {
  return FORMAT_TABLES[format].filter((t) => t.table === 'activeDisclosure');
}

export function reviewTable(format: FormatId): SubTableDef {
  return FORMAT_TABLES[format].find((t) => t.table === 'reviewLitigation')!;
}
