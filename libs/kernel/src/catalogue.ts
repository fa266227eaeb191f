import { err, ok } from './result.js';
import type { Result } from './result.js';

/**
 * The 政府信息公开目录 (public-information catalogue): managed 栏目 (columns) per agency and the metadata
 * every published item carries (索引号, 发布机构, 成文日期, 发布日期, 文号, 主题分类, 公开方式). Pure rules; the
 * drafting service stores columns, settings and index numbers, the portal shows them.
 */

/** 公开方式. Everything published on the website is 主动公开; 依申请公开 marks items released on request. */
export const OPENNESS = ['主动公开', '依申请公开'] as const;
export type Openness = (typeof OPENNESS)[number];
export const isOpenness = (value: unknown): value is Openness => typeof value === 'string' && (OPENNESS as readonly string[]).includes(value);

/** The catalogue fields the drafter fills on an article (part of the signed content; all optional). */
export interface ArticleCatalogue {
  /** 成文日期, `YYYY-MM-DD`. Absent: the 发布日期 is shown. */
  writtenOn?: string;
  /** 文号, e.g. 东工信〔2026〕12号. */
  documentNumber?: string;
  /** 主题分类, one of the agency's configured list. Absent: the list's first entry. */
  topic?: string;
  /** 公开方式. Absent: 主动公开. */
  openness?: Openness;
}

/** The metadata of one published item, as pushed to the portal and shown there. */
export interface CatalogueEntry {
  /** 索引号, allocated once per document (a correction keeps it). */
  indexNumber: string;
  /** 发布机构. */
  publisher: string;
  columnCode: string;
  columnName: string;
  /** 成文日期 `YYYY-MM-DD`. */
  writtenOn: string;
  documentNumber: string | null;
  topic: string;
  openness: Openness;
}

/** The code of the column every agency's annual reports are filed under (it can be renamed, never retired). */
export const ANNUAL_REPORT_COLUMN_CODE = 'ndbg';

/** The columns every agency starts with (the demo's and a new agency's). */
export const DEFAULT_COLUMNS: readonly { code: string; name: string }[] = [
  { code: 'gzdt', name: '工作动态' },
  { code: 'tzgg', name: '通知公告' },
  { code: 'zcjd', name: '政策解读' },
  { code: 'rsxx', name: '人事信息' },
  { code: ANNUAL_REPORT_COLUMN_CODE, name: '政府信息公开年报' },
];

/** 主题分类 by default: the first-level classes of the 国务院公文主题词表, as most 公开目录 use them. */
export const DEFAULT_TOPICS: readonly string[] = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '其他',
];

/** The default 索引号 pattern: agency code / column code - year - five-digit serial. */
export const DEFAULT_INDEX_PATTERN = '{agency}/{column}-{year}-{serial:5}';

export const COLUMN_CODE_RULE = /^[a-z][a-z0-9_-]{1,19}$/;
const AGENCY_CODE_RULE = /^[0-9A-Za-z_-]{1,32}$/;
const TOKEN = /\{(agency|column|year|serial(?::([1-9]))?)\}/g;

export type CatalogueRuleError =
  | { code: 'CATALOGUE.COLUMN_CODE_INVALID' }
  | { code: 'CATALOGUE.COLUMN_NAME_INVALID' }
  | { code: 'CATALOGUE.SETTINGS_INVALID'; field: string; problem: string };

export function checkColumnCode(code: string): Result<string, CatalogueRuleError> {
  return COLUMN_CODE_RULE.test(code) ? ok(code) : err({ code: 'CATALOGUE.COLUMN_CODE_INVALID' });
}

export function checkColumnName(name: string): Result<string, CatalogueRuleError> {
  const trimmed = name.trim();
  const length = [...trimmed].length;
  return length >= 1 && length <= 20 ? ok(trimmed) : err({ code: 'CATALOGUE.COLUMN_NAME_INVALID' });
}

export interface CatalogueSettings {
  /** 机构代码 in the 索引号 (e.g. the 统一社会信用代码 or 组织机构代码). */
  agencyCode: string;
  indexPattern: string;
  topics: string[];
}

/** Checks settings an administrator submits; the first problem found is the answer. */
export function checkCatalogueSettings(settings: CatalogueSettings): Result<CatalogueSettings, CatalogueRuleError> {
  const invalid = (field: string, problem: string) => err({ code: 'CATALOGUE.SETTINGS_INVALID' as const, field, problem });
  if (!AGENCY_CODE_RULE.test(settings.agencyCode)) return invalid('agencyCode', '机构代码须为1至32位字母、数字、下划线或连字符');
  const pattern = settings.indexPattern.trim();
  if ([...pattern].length > 60) return invalid('indexPattern', '索引号格式至多60个字符');
  if (!/\{year\}/.test(pattern)) return invalid('indexPattern', '索引号格式须包含 {year}');
  if (!/\{serial(?::[1-9])?\}/.test(pattern)) return invalid('indexPattern', '索引号格式须包含 {serial} 或 {serial:N}');
  const rest = pattern.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return invalid('indexPattern', '索引号格式只能使用 {agency}、{column}、{year}、{serial}、{serial:N}');
  if (!/^[0-9A-Za-z/_.\-〔〕]*$/.test(rest)) return invalid('indexPattern', '索引号格式的固定部分只能使用字母、数字和 / _ . -');
  const topics = settings.topics.map((topic) => topic.trim());
  if (topics.length < 1 || topics.length > 50) return invalid('topics', '主题分类须有1至50项');
  if (topics.some((topic) => [...topic].length < 1 || [...topic].length > 30)) return invalid('topics', '每项主题分类须为1至30个字符');
  if (new Set(topics).size !== topics.length) return invalid('topics', '主题分类不能重复');
  return ok({ agencyCode: settings.agencyCode, indexPattern: pattern, topics });
}

/** Whether serials count per column (the pattern names the column) or per agency and year. */
export const serialScope = (pattern: string, columnCode: string): string => (/\{column\}/.test(pattern) ? columnCode : '*');

/** The 索引号 for one allocated serial (pure: same inputs, same number). */
export function formatIndexNumber(pattern: string, parts: { agency: string; column: string; year: number; serial: number }): string {
  return pattern.replace(TOKEN, (_token: string, name: string, width: string | undefined) => {
    if (name === 'agency') return parts.agency;
    if (name === 'column') return parts.column;
    if (name === 'year') return String(parts.year);
    return String(parts.serial).padStart(width === undefined ? 1 : Number(width), '0');
  });
}

/** `YYYY-MM-DD` that is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The calendar date in Beijing time (UTC+8, no daylight saving) of an instant. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
