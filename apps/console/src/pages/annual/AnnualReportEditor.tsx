import { useMessage } from '../../ui/feedback';
import { SECTION_HEADINGS, cellsOf, contentToReport, readCell, tablesOf } from '@sanshen/annual-report';
import type { AnnualReport, AnnualReportContent, ReportSections } from '@sanshen/annual-report';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import type { DocumentView } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SubmitPanel } from '../editing/SubmitPanel';
import { useSave } from '../editing/use-save';
import type { CellEntries } from './CellInput';
import { ReviewTableGrid } from './ReviewTableGrid';
import { RuleFindings } from './RuleFindings';
import { SectionField } from './SectionField';
import { SubTableGrid } from './SubTableGrid';
import { UnplacedList } from './UnplacedList';
import type { Unplaced } from './UnplacedList';
import type { GridContext } from './cell-props';
import { withCell } from './report-state';
import { useLiveCheck } from './use-live-check';
import { usePreviousReport } from './use-previous-report';
import './annual-report.css';

/** The cells and sections that differ from the saved content: the PATCH body, or null when nothing changed. */
function changesOf(saved: AnnualReport, report: AnnualReport) {
  const cells = Object.fromEntries(cellsOf(report.format).filter((cell) => readCell(saved, cell.pointer) !== readCell(report, cell.pointer)).map((cell) => [cell.pointer, readCell(report, cell.pointer) ?? null]));
  const sections = Object.fromEntries(Object.entries(report.sections).filter(([key, value]) => saved.sections[key as keyof ReportSections] !== value));
  if (Object.keys(cells).length === 0 && Object.keys(sections).length === 0) return null;
  return { ...(Object.keys(cells).length > 0 ? { cells } : {}), ...(Object.keys(sections).length > 0 ? { sections } : {}) };
}

/** 年度报告编辑: six sections, the national tables, the rules live beside them, submit. */
export default function AnnualReportEditor({ doc }: { doc: DocumentView }) {
  const message = useMessage();
  const location = useLocation();
  const content = doc.content as AnnualReportContent;
  const [saved, setSaved] = useState(() => contentToReport(content));
  const [report, setReport] = useState(saved);
  const previous = usePreviousReport(doc.id);
  const live = useLiveCheck(report, previous);
  const save = useSave(doc, () => changesOf(saved, report));

  const onCells = useCallback((entries: CellEntries) => setReport((current) => entries.reduce((next, [pointer, value]) => withCell(next, pointer, value), current)), []);
  const onSection = useCallback((name: keyof ReportSections, value: string) => setReport((current) => ({ ...current, sections: { ...current.sections, [name]: value } })), []);
  const context: GridContext = useMemo(() => ({ report, byCell: live.byCell, onCells }), [report, live.byCell, onCells]);
  const tables = tablesOf(report.format);
  const saveNow = async () => {
    const doc = await save.mutateAsync();
    setSaved(report);
    return doc;
  };
  const unplaced = ((location.state as { unplaced?: Unplaced[] } | null)?.unplaced ?? []) as Unplaced[];
  const section = (name: keyof ReportSections, label: string) => <SectionField name={name} label={label} value={report.sections[name]} onChange={onSection} />;
  const grids = (table: 'activeDisclosure' | 'applications') => tables.filter((t) => t.table === table).map((t) => <SubTableGrid key={t.pointer} table={t} context={context} />);

  return (
    <div className="report-editor">
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{report.title || doc.title}</h1>} extra={<Tag>{report.format === '2021' ? '2021年新版格式' : '2019年格式'}</Tag>}>
        <UnplacedList items={unplaced} rows={content.extraction?.unplacedRowValues ?? {}} format={report.format} />
        <Typography.Paragraph type="secondary">
          表格中蓝色单元格为上年结转数据（由上一年度报告带入）；红色为未通过校验的单元格。方向键、Tab、回车在单元格间移动，可粘贴一行数字。
        </Typography.Paragraph>
        {section('intro', '引言')}
        <h2 style={{ fontSize: 16 }}>{SECTION_HEADINGS.overall}</h2>
        {section('overall', '总体情况正文')}
        <h2 style={{ fontSize: 16 }}>{SECTION_HEADINGS.activeDisclosure}</h2>
        {grids('activeDisclosure')}
        {section('activeDisclosureNotes', '主动公开情况说明')}
        <h2 style={{ fontSize: 16 }}>{SECTION_HEADINGS.applications}</h2>
        <div style={{ overflowX: 'auto' }}>{grids('applications')}</div>
        {section('applicationsNotes', '依申请公开情况说明')}
        <h2 style={{ fontSize: 16 }}>{SECTION_HEADINGS.reviewLitigation}</h2>
        <div style={{ overflowX: 'auto' }}>
          <ReviewTableGrid context={context} />
        </div>
        {section('reviewLitigationNotes', '行政复议、行政诉讼情况说明')}
        <h2 style={{ fontSize: 16 }}>{SECTION_HEADINGS.problemsAndImprovements}</h2>
        {section('problemsAndImprovements', '存在的主要问题及改进情况正文')}
        <h2 style={{ fontSize: 16 }}>{SECTION_HEADINGS.otherMatters}</h2>
        {section('otherMatters', '其他需要报告的事项正文')}
      </Card>
      <aside className="report-side" aria-label="校验结果">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>校验结果</h2>} extra={<span data-testid="check-status">{live.errors.length} 错误 · {live.warnings.length} 警告</span>}>
            <RuleFindings errors={live.errors} warnings={live.warnings} />
          </Card>
          <ErrorAlert error={save.error} />
          <Button onClick={() => void saveNow().then(() => message.success('已保存'))} loading={save.isPending}>
            保存
          </Button>
          <SubmitPanel
            save={saveNow}
            blocked={live.errors.length > 0 ? `仍有 ${live.errors.length} 项错误未修正，请按右侧提示修改后再提交。` : null}
            warnings={[...new Set(live.warnings.map((f) => f.message))]}
          />
        </Space>
      </aside>
    </div>
  );
}
