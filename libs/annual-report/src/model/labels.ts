import type { SectionId } from './report.js';

/** Section order 一 … 六. */
export const SECTION_ORDER: readonly SectionId[] = [
  'overall',
  'activeDisclosure',
  'applications',
  'reviewLitigation',
  'problemsAndImprovements',
  'otherMatters',
];

export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

/** Canonical headings (FORMAT.md §2), identical in both formats. */
export const SECTION_HEADINGS = {
  overall: '一、总体情况',
  activeDisclosure: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reviewLitigation: '四、政府信息公开行政复议、行政诉讼情况',
  problemsAndImprovements: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
} as const satisfies Record<SectionId, string>;

/** Accepted heading variants without their numbering (FORMAT.md §2). */
export const SECTION_HEADING_VARIANTS = {
  overall: ['总体情况'],
  activeDisclosure: ['主动公开政府信息情况'],
  applications: ['收到和处理政府信息公开申请情况'],
  reviewLitigation: [
    '政府信息公开行政复议、行政诉讼情况',
    '因政府信息公开工作被申请行政复议和提起行政诉讼情况',
    '政府信息公开行政复议和行政诉讼情况',
  ],
  problemsAndImprovements: ['存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况'],
  otherMatters: ['其他需要报告的事项'],
} as const satisfies Record<SectionId, readonly string[]>;

/** Short table names used in messages. */
export const TABLE_NAMES = {
  activeDisclosure: '表二',
  applications: '表三',
  reviewLitigation: '表四',
} as const;

export const APPLICATIONS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER = '申请人情况';
export const LEGAL_PERSON_GROUP = '法人或其他组织';
export const RESULTS_GROUP = '三、本年度办理结果';
export const REVIEW_GROUP = '行政复议';
export const LITIGATION_GROUP = '行政诉讼';
export const INFO_CONTENT_HEADER = '信息内容';
