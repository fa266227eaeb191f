import { describe, expect, it } from 'vitest';
import { dingtalkPayload, truncateUtf8, wecomPayload } from './robot-payloads.js';

const message = { title: '三审通知 · 已退回', text: '《通知》在科室负责人审核（一审）被退回。理由：*数据*需核实', mentionMobiles: ['13812345678'] };

describe('企业微信 group robot payloads', () => {
  it('text mentions by mobile number', () => {
    expect(wecomPayload(message, 'text')).toEqual({
      msgtype: 'text',
      text: { content: '【三审通知 · 已退回】《通知》在科室负责人审核（一审）被退回。理由：*数据*需核实', mentioned_mobile_list: ['13812345678'] },
    });
  });

  it('markdown shows the text’s markup characters literally', () => {
    expect(wecomPayload(message, 'markdown')).toEqual({
      msgtype: 'markdown',
      markdown: { content: '**三审通知 · 已退回**\n《通知》在科室负责人审核（一审）被退回。理由：\\*数据\\*需核实' },
    });
  });

  it('stays within the robot’s 2048 bytes of text', () => {
    const long = wecomPayload({ ...message, text: '长'.repeat(2000) }, 'text') as { text: { content: string } };
    expect(Buffer.byteLength(long.text.content, 'utf8')).toBeLessThanOrEqual(2048);
    expect(long.text.content.endsWith('…')).toBe(true);
  });
});

describe('钉钉 robot payloads', () => {
  it('text and markdown mention in `at`; markdown names them in its text too', () => {
    expect(dingtalkPayload(message, 'text')).toEqual({
      msgtype: 'text',
      text: { content: '【三审通知 · 已退回】《通知》在科室负责人审核（一审）被退回。理由：*数据*需核实' },
      at: { atMobiles: ['13812345678'], isAtAll: false },
    });
    expect(dingtalkPayload(message, 'markdown')).toEqual({
      msgtype: 'markdown',
      markdown: { title: '三审通知 · 已退回', text: '#### 三审通知 · 已退回\n\n《通知》在科室负责人审核（一审）被退回。理由：\\*数据\\*需核实\n\n@13812345678' },
      at: { atMobiles: ['13812345678'], isAtAll: false },
    });
  });
});

describe('truncateUtf8', () => {
  it('cuts on a character boundary', () => {
    expect(truncateUtf8('abc', 3)).toBe('abc');
    expect(truncateUtf8('一二三四', 9)).toBe('一二…');
  });
});
