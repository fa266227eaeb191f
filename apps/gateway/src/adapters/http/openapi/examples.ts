import type {
  DelegationView,
  DictionaryVersionView,
  DocumentVersionView,
  DocumentView,
  PublicationView,
  ReviewDecisionView,
  SecrecyDecisionView,
  SecrecyFindingView,
} from '@sanshen/contracts';
import type { Actor } from '@sanshen/kernel';
import type { UserView } from '../../../persistence/organisation.repository.js';

/**
 * Example answers of the views several routes share, typed by their contracts: the OpenAPI schema
 * of a route's answer is read off its example, so the compiler keeps the documented shape honest.
 */

export const IDS = {
  document: '3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e',
  agency: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  department: '0f6e2a1b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  drafter: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  reviewer: '5b1f0d6e-8c2a-4f3b-9d7e-0a1b2c3d4e5f',
  publication: '6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f',
  finding: '7d0c4c3e-2f1a-4e8b-9a56-1c2d3e4f5a6b',
} as const;

const HASH = 'sha256:4c7a1f0e9b2d3c5a6e8f7b1d0c9a2e3f4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e';
const AT = '2026-12-06T09:30:00.000Z';

export const ACTOR_EXAMPLE: Actor = {
  userId: IDS.drafter,
  displayName: '王芳',
  agencyId: IDS.agency,
  agencyName: '海东市工业和信息化局',
  departmentId: IDS.department,
  roles: ['drafter'],
  oversees: [],
};

export const DOCUMENT_EXAMPLE: DocumentView = {
  id: IDS.document,
  kind: 'article',
  status: 'draft',
  version: 3,
  contentHash: HASH,
  title: '关于调整办公时间的通知',
  agencyId: IDS.agency,
  agencyName: '海东市工业和信息化局',
  departmentId: IDS.department,
  authorId: IDS.drafter,
  content: { title: '关于调整办公时间的通知', column: '通知公告', body: '<p>自下月起，办公时间调整为……</p>' },
  warningsExplanation: null,
  lastReturn: null,
  findingExplanations: [],
  createdAt: AT,
  updatedAt: AT,
};

export const DOCUMENT_VERSION_EXAMPLE: DocumentVersionView = {
  documentId: IDS.document,
  version: 3,
  contentHash: HASH,
  kind: 'article',
  title: DOCUMENT_EXAMPLE.title,
  agencyId: IDS.agency,
  agencyName: DOCUMENT_EXAMPLE.agencyName,
  departmentId: IDS.department,
  authorId: IDS.drafter,
  content: DOCUMENT_EXAMPLE.content,
  createdAt: AT,
};

/** A version in a list: without its content. */
export const DOCUMENT_VERSION_SUMMARY_EXAMPLE: Omit<DocumentVersionView, 'content'> = (({ content: _content, ...summary }) => summary)(DOCUMENT_VERSION_EXAMPLE);

export const DECISION_EXAMPLE: ReviewDecisionView = { documentId: IDS.document, version: 3, status: 'pending_l2', level: 1 };

export const DELEGATION_EXAMPLE: DelegationView = {
  id: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  agencyId: IDS.agency,
  fromUserId: IDS.reviewer,
  fromName: '张伟',
  toUserId: IDS.drafter,
  roles: ['dept_head'],
  from: '2026-12-07T00:00:00.000Z',
  until: '2026-12-14T00:00:00.000Z',
  createdAt: AT,
  revokedAt: null,
};

export const SECRECY_DECISION_EXAMPLE: SecrecyDecisionView = {
  id: '8e9f0a1b-2c3d-4e4f-8a5b-6c7d8e9f0a1b',
  documentId: IDS.document,
  version: 4,
  contentHash: HASH,
  conclusion: 'public',
  basis: '《中华人民共和国保守国家秘密法》第三十五条',
  opinion: '经审查，不涉及国家秘密，可以公开。',
  reviewerId: IDS.reviewer,
  reviewerName: '赵敏',
  decidedAt: AT,
  referralDecisionId: null,
  answerReference: null,
};

export const FINDING_EXAMPLE: SecrecyFindingView = {
  id: IDS.finding,
  section: 'body',
  type: 'personal_data',
  severity: 'blocking',
  start: 12,
  end: 23,
  matched: '13800000000',
  suggestion: null,
  message: '疑似个人手机号码',
  disposition: null,
};

export const PUBLICATION_EXAMPLE: PublicationView = {
  publicationId: IDS.publication,
  documentId: IDS.document,
  version: 4,
  contentHash: HASH,
  state: 'published',
  scheduledAt: null,
  attempts: [{ attempt: 1, at: AT, outcome: 'succeeded', httpStatus: 201, error: null }],
  receipt: { url: 'https://portal.example.gov.cn/items/3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e', publishedAt: AT, contentHash: HASH },
  retraction: null,
  correctionStartedAt: null,
};

export const DICTIONARY_VERSION_EXAMPLE: DictionaryVersionView = {
  version: 12,
  createdAt: AT,
  createdById: IDS.reviewer,
  createdByName: '系统管理员',
  reason: '法律名称须用全称',
  change: { op: 'add', kind: 'entry', id: '4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a', summary: '中华人民共和国保密法 → 中华人民共和国保守国家秘密法' },
};

export const USER_EXAMPLE: UserView = {
  id: IDS.drafter,
  agencyId: IDS.agency,
  username: 'gx_li',
  displayName: '李明',
  departmentId: IDS.department,
  roles: ['publisher'],
  oversees: [],
  active: true,
  locked: false,
  createdAt: AT,
};

/** A printable page, abridged. */
export const HTML_EXAMPLE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>…</title></head><body>…</body></html>';
