import { describe, expect, it } from 'vitest';
import { channelMessage, planDeliveries } from './delivery-plan.js';

describe('planDeliveries', () => {
  const recipients = [
    { userId: 'a', channels: ['wecom', 'sms'] as const },
    { userId: 'b', channels: ['wecom', 'dingtalk', 'sms'] as const },
    { userId: 'c', channels: [] as const },
  ];

  it('posts once per enabled robot for everyone who chose it, and texts each person who chose SMS', () => {
    expect(planDeliveries(recipients, new Set(['wecom', 'sms'] as const))).toEqual([
      { channel: 'wecom', userIds: ['a', 'b'] },
      { channel: 'sms', userIds: ['a'] },
      { channel: 'sms', userIds: ['b'] },
    ]);
  });

  it('makes no delivery on a channel the agency has not enabled or nobody chose', () => {
    expect(planDeliveries(recipients, new Set(['dingtalk'] as const))).toEqual([{ channel: 'dingtalk', userIds: ['b'] }]);
    expect(planDeliveries([{ userId: 'c', channels: [] }], new Set(['wecom', 'dingtalk', 'sms'] as const))).toEqual([]);
  });
});

describe('channelMessage', () => {
  it('titles the notice by what happened', () => {
    expect(channelMessage({ kind: 'retraction_requested', message: 'm' }, ['13812345678'])).toEqual({
      title: '三审通知 · 撤稿待授权',
      text: 'm',
      mentionMobiles: ['13812345678'],
    });
    expect(channelMessage({ kind: 'unknown', message: 'm' }, []).title).toBe('三审通知');
  });
});
