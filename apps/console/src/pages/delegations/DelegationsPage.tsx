import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { work } from '../../api/session';
import type { NamedDelegation as DelegationView } from '../../api/types';
import { useAction } from '../document/use-action';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { DelegatePicker } from './DelegatePicker';

interface NewDelegation {
  toUserId: string;
  period: [Dayjs, Dayjs];
}

/** 代签设置: who signs for me, when; the delegations I hold. */
export default function DelegationsPage() {
  const list = useQuery({ queryKey: ['delegations'], queryFn: work.delegations });
  const create = useAction(
    (values: NewDelegation) => work.delegate({ toUserId: values.toUserId, from: values.period[0].toISOString(), until: values.period[1].toISOString() }).then(() => list.refetch()),
    '代签已设置',
  );
  const revoke = useAction((id: string) => work.revokeDelegation(id).then(() => list.refetch()), '代签已撤销');
  const columns = [
    { title: '委托人', dataIndex: 'fromName' },
    { title: '受托人', dataIndex: 'toName', render: (name: string | null, row: DelegationView) => name ?? row.toUserId },
    { title: '开始', dataIndex: 'from', render: formatDateTime },
    { title: '结束', dataIndex: 'until', render: formatDateTime },
  ];
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>代签设置</h1>}>
      <ErrorAlert error={list.error ?? create.error ?? revoke.error} />
      <Form layout="inline" onFinish={(values: NewDelegation) => create.mutate(values)} style={{ marginBottom: 16 }}>
        <Form.Item label="受托人" name="toUserId" rules={[{ required: true, message: '请选择受托人' }]}>
          <DelegatePicker />
        </Form.Item>
        <Form.Item label="代签期间" name="period" rules={[{ required: true, message: '请选择期间' }]}>
          <DatePicker.RangePicker showTime />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          设置代签
        </Button>
      </Form>
      <h2 style={{ fontSize: 16 }}>我委托他人</h2>
      <Table<DelegationView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data?.given ?? []}
        columns={[...columns, { title: '操作', key: 'revoke', render: (_: unknown, row: DelegationView) => <Button size="small" onClick={() => revoke.mutate(row.id)}>撤销</Button> }]}
      />
      <h2 style={{ fontSize: 16 }}>他人委托我</h2>
      <Table<DelegationView> rowKey="id" size="small" pagination={false} dataSource={list.data?.received ?? []} columns={columns} />
    </Card>
  );
}
