import { describe, expect, it } from 'vitest';
import { detectMobileNumbers } from './mobile-numbers.js';

describe('detectMobileNumbers', () => {
  it('flags a mobile number in running text as blocking, masked', () => {
    const text = '经办人张某（13812345678）已到场。';
    const [f] = detectMobileNumbers(text);
    expect(f).toMatchObject({ type: 'mobile_number', severity: 'blocking', matched: '13812345678', suggestion: '138****5678' });
    expect(text.slice(f.start, f.end)).toBe('13812345678');
  });

  it('flags grouped forms 138-1234-5678 and 138 1234 5678', () => {
    expect(detectMobileNumbers('电话号138-1234-5678。').map((f) => f.matched)).toEqual(['138-1234-5678']);
    expect(detectMobileNumbers('号码 138 1234 5678 。').map((f) => f.suggestion)).toEqual(['138****5678']);
  });

  it('warns, not blocks, on a contact line', () => {
    expect(detectMobileNumbers('联系电话：13912345678')[0].severity).toBe('warning');
  });

  it('does not flag agency landlines and hotlines', () => {
    for (const text of [
      '如有疑问，请与办公室联系，电话：0972-8611234。',
      '联系电话：(0972)8611234',
      '电话：0631—5231696',
      '咨询电话：12345，监督电话：0972-8218929',
      '服务热线：400-123-4567',
    ]) {
      expect(detectMobileNumbers(text)).toEqual([]);
    }
  });

  it('does not flag 11 digits inside a longer digit run or with a wrong prefix', () => {
    expect(detectMobileNumbers('订单号2138123456789')).toEqual([]);
    expect(detectMobileNumbers('编号12812345678')).toEqual([]);
    expect(detectMobileNumbers('63010219800101123X')).toEqual([]);
  });
});
