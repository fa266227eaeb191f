import { describe, expect, it } from 'vitest';
import { informationalNoticeFor, noticeFor } from './transition-notices.js';

const ref = { version: 2, contentHash: 'sha256:x' };
const signature = { ...ref, signerId: 'u', signerName: '李科长', comment: null };

describe('noticeFor', () => {
  it('tells the next level’s reviewers when a task arrives', () => {
    expect(noticeFor('submitted', { ...ref, agencyId: 'a', departmentId: 'd', authorId: 'w', kind: 'article', title: 't', submitterId: 'w' }, '通知', 'pending_l1')).toEqual({
      kind: 'submitted',
      audiences: [{ kind: 'reviewers', level: 1 }],
      message: '《通知》待您科室负责人审核（一审）。',
    });
    expect(noticeFor('approved_l1', { ...signature, level: 1 }, '通知', 'pending_l2')?.audiences).toEqual([{ kind: 'reviewers', level: 2 }]);
    expect(noticeFor('approved_l2', { ...signature, level: 2 }, '通知', 'pending_l3')?.audiences).toEqual([{ kind: 'reviewers', level: 3 }]);
    expect(noticeFor('returned_previous', { ...ref, level: 3, reason: '请二审复核', to: 'previous' }, '通知', 'pending_l2')).toMatchObject({
      audiences: [{ kind: 'reviewers', level: 2 }],
      message: expect.stringContaining('请二审复核'),
    });
  });

  it('hands 三审’s end to the secrecy officers', () => {
    expect(noticeFor('approved_l3', { ...signature, level: 3 }, '通知', 'pending_secrecy')?.audiences).toEqual([{ kind: 'role', role: 'secrecy_officer' }]);
  });

  it('tells the drafter and the levels already signed of a return, with the reason', () => {
    expect(noticeFor('returned', { ...ref, level: 2, reason: '数据需核实', to: 'drafter' }, '通知', 'draft')).toEqual({
      kind: 'returned',
      audiences: [{ kind: 'author' }, { kind: 'signers' }],
      message: '《通知》在分管领导审核（二审）被退回。理由：数据需核实',
    });
  });

  it('tells the drafter of secrecy’s decision, and the drafter and publishers of publication and failure', () => {
    expect(noticeFor('secrecy_returned', { ...ref, decisionId: 'x', opinion: '含身份证号', findingIds: [] }, '通知', 'draft')?.message).toContain('含身份证号');
    expect(noticeFor('secrecy_cleared', { ...ref, decisionId: 'x', basis: 'b', opinion: 'o' }, '通知', 'approved')?.audiences).toEqual([{ kind: 'author' }]);
    expect(noticeFor('published', { ...ref, publicationId: 'p', url: 'u', publishedAt: 'now' }, '通知', 'published')?.audiences).toEqual([
      { kind: 'author' },
      { kind: 'role', role: 'publisher' },
    ]);
    expect(noticeFor('publish_failed', { ...ref, publicationId: 'p', reason: '门户 500', attempts: 5 }, '通知', 'publish_failed')?.message).toContain('门户 500');
  });

  it('says nothing of steps nobody waits on', () => {
    expect(noticeFor('revised', { ...ref, agencyId: 'a', departmentId: 'd', authorId: 'w', kind: 'article', title: 't', previousVersion: 1 }, '通知', 'draft')).toBeNull();
    expect(noticeFor('discarded', { ...ref, reason: 'x' }, '通知', 'discarded')).toBeNull();
  });
});

describe('informationalNoticeFor', () => {
  it('tells the drafter and the secrecy officers of a referral to the 保密行政管理部门', () => {
    expect(informationalNoticeFor('document.secrecy.referred', { ...ref, decisionId: 'x', basis: 'b', opinion: '涉及他单位事项' }, '通知')).toEqual({
      kind: 'secrecy_referred',
      audiences: [{ kind: 'author' }, { kind: 'role', role: 'secrecy_officer' }],
      message: '《通知》已报请保密行政管理部门审查，待其答复后再定是否公开。意见：涉及他单位事项',
    });
  });

  it('tells the principals that a retraction awaits their authorization, with the reason', () => {
    expect(informationalNoticeFor('document.publication.retraction_requested', { ...ref, publicationId: 'p', reason: '数据有误', requestedBy: 'u' }, '通知')).toEqual({
      kind: 'retraction_requested',
      audiences: [{ kind: 'role', role: 'principal' }],
      message: '《通知》的撤稿申请待您授权。理由：数据有误',
    });
  });

  it('says nothing of the other informational events', () => {
    expect(informationalNoticeFor('document.secrecy.finding_disposed', {}, '通知')).toBeNull();
  });
});
