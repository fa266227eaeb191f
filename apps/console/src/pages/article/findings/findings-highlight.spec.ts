import { scanText } from '@sanshen/content-checks';
import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { findingDecorations, textWithPositions } from './findings-highlight';
import { learnedWording, liveDictionary } from './live-dictionary';

const schema = getSchema([StarterKit]);
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
const text = (value: string, marks: object[] = []) => ({ type: 'text', text: value, marks });

describe('the findings highlight', () => {
  const doc = Node.fromJSON(schema, {
    type: 'doc',
    content: [
      paragraph(text('依据'), text('中华人民共和国保密法', [{ type: 'bold' }]), text('办理。')),
      { type: 'heading', attrs: { level: 2 }, content: [text('联系方式')] },
      paragraph(text('张某电话'), { type: 'hardBreak' }, text('13912345678')),
    ],
  });

  it('reads the text one line per block and maps every character back to its position', () => {
    const { text: plain, positions } = textWithPositions(doc);
    expect(plain).toBe('依据中华人民共和国保密法办理。\n联系方式\n张某电话\n13912345678');
    expect(positions).toHaveLength(plain.length);
    plain.split('').forEach((char, index) => {
      if (char !== '\n') expect(doc.textBetween(positions[index]!, positions[index]! + 1)).toBe(char);
    });
  });

  it('marks each finding over exactly its text, across marks, with its severity', () => {
    const { text: plain } = textWithPositions(doc);
    const scan = scanText(plain, { dictionary: liveDictionary([]) });
    expect(scan.ok).toBe(true);
    const findings = scan.ok ? scan.value : [];
    expect(findings.map((finding) => finding.type).sort()).toEqual(['mobile_number', 'wording']);
    const marks = findingDecorations(doc, findings).find();
    expect(marks.map((mark) => doc.textBetween(mark.from, mark.to)).sort()).toEqual(['13912345678', '中华人民共和国保密法'].sort());
    const wording = marks.find((mark) => (mark.spec as { finding: { type: string } }).finding.type === 'wording')!;
    expect((wording.spec as { finding: { suggestion: string } }).finding.suggestion).toBe('中华人民共和国保守国家秘密法');
  });

  it('learns the wording the server found and highlights it on the next scan', () => {
    const learned = learnedWording([{ section: 'body', type: 'wording', severity: 'blocking', matched: '工信委', suggestion: '工业和信息化局', message: '机构名称有误：“工信委”应为“工业和信息化局”' }]);
    const before = scanText('市工信委印发。', { dictionary: liveDictionary([]) });
    const after = scanText('市工信委印发。', { dictionary: liveDictionary(learned) });
    expect(before.ok && before.value.some((finding) => finding.type === 'wording')).toBe(false);
    expect(after.ok && after.value.map((finding) => [finding.matched, finding.suggestion, finding.severity, finding.message])).toEqual([['工信委', '工业和信息化局', 'blocking', '机构名称有误：“工信委”应为“工业和信息化局”']]);
  });
});
