import type { ReportSections } from '@sanshen/annual-report';
import { Input } from 'antd';
import { memo } from 'react';

interface Props {
  name: keyof ReportSections;
  label: string;
  value: string;
  onChange: (name: keyof ReportSections, value: string) => void;
}

/** One prose part of the report. */
export const SectionField = memo(function SectionField({ name, label, value, onChange }: Props) {
  const id = `section-${name}`;
  return (
    <div style={{ marginBottom: 12 }}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </label>
      <Input.TextArea id={id} autoSize={{ minRows: 2, maxRows: 12 }} value={value} onChange={(event) => onChange(name, event.target.value)} />
    </div>
  );
});
