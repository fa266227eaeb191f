import { Select } from 'antd';
import { useCatalogue } from './use-catalogue';

/**
 * 栏目 picker: the agency's active columns in their order (not the annual reports' one). A retired
 * column the article already has stays shown, marked, so a revision may keep it.
 */
export function ColumnSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (code: string) => void }) {
  const { columns } = useCatalogue();
  const options = (columns.data?.items ?? [])
    .filter((column) => !column.forAnnualReports && (!column.retired || column.code === value))
    .map((column) => ({ value: column.code, label: column.retired ? `${column.name}（已停用）` : column.name, disabled: column.retired }));
  return <Select id={id} showSearch={{ optionFilterProp: 'label' }} loading={columns.isLoading} options={options} value={value} onChange={onChange} />;
}
