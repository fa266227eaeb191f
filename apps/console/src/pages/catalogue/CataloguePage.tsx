import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { catalogue } from '../../api/catalogue';
import type { ColumnView } from '../../api/catalogue';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useCatalogue } from '../article/use-catalogue';
import { useAction } from '../document/use-action';

interface SettingsForm {
  agencyCode: string;
  indexPattern: string;
  topics: string[];
}

/** 栏目与公开目录 (administrators): the agency's columns — create, rename, order, retire — and the catalogue settings. */
export default function CataloguePage() {
  const { agencyId, columns, settings } = useCatalogue();
  const [form] = Form.useForm<SettingsForm>();
  const [names, setNames] = useState<Record<string, string>>({});
  const id = agencyId ?? '';
  const refresh = () => Promise.all([columns.refetch(), settings.refetch()]);
  const create = useAction((values: { code: string; name: string }) => catalogue.createColumn(id, values).then(refresh), '栏目已新建');
  const update = useAction(({ code, ...change }: { code: string; name?: string; retired?: boolean }) => catalogue.updateColumn(id, code, change).then(refresh), '栏目已更新');
  const reorder = useAction((codes: string[]) => catalogue.reorder(id, codes).then(refresh), '顺序已调整');
  const save = useAction((values: SettingsForm) => catalogue.saveSettings(id, values).then(refresh), '公开目录设置已保存');
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ agencyCode: settings.data.agencyCode, indexPattern: settings.data.indexPattern, topics: settings.data.topics });
  }, [settings.data, form]);

  const items = columns.data?.items ?? [];
  const move = (index: number, by: number) => {
    const codes = items.map((column) => column.code);
    const [code] = codes.splice(index, 1);
    codes.splice(index + by, 0, code!);
    reorder.mutate(codes);
  };
  const tableColumns = [
    { title: '代码', dataIndex: 'code' },
    {
      title: '名称',
      render: (_: unknown, column: ColumnView) => (
        <Space.Compact>
          <Input aria-label={`栏目 ${column.code} 的名称`} value={names[column.code] ?? column.name} onChange={(event) => setNames({ ...names, [column.code]: event.target.value })} maxLength={20} />
          <Button disabled={(names[column.code] ?? column.name) === column.name} onClick={() => update.mutate({ code: column.code, name: names[column.code] ?? column.name })}>
            重命名
          </Button>
        </Space.Compact>
      ),
    },
    { title: '状态', render: (_: unknown, column: ColumnView) => (column.retired ? <Tag>已停用</Tag> : <Tag color="green">启用</Tag>) },
    {
      title: '操作',
      render: (_: unknown, column: ColumnView, index: number) => (
        <Space>
          <Button size="small" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`上移 ${column.name}`}>
            上移
          </Button>
          <Button size="small" disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={`下移 ${column.name}`}>
            下移
          </Button>
          {column.forAnnualReports ? (
            <Tag>年报专用</Tag>
          ) : (
            <Button size="small" danger={!column.retired} onClick={() => update.mutate({ code: column.code, retired: !column.retired })}>
              {column.retired ? '恢复' : '停用'}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>栏目管理</h1>}>
        <ErrorAlert error={columns.error ?? create.error ?? update.error ?? reorder.error} />
        <Table rowKey="code" size="small" pagination={false} loading={columns.isLoading} dataSource={items} columns={tableColumns} />
        <h2 style={{ fontSize: 15, marginTop: 24 }}>新建栏目</h2>
        <Form layout="inline" onFinish={(values: { code: string; name: string }) => create.mutate(values)}>
          <Form.Item label="代码" name="code" rules={[{ required: true, pattern: /^[a-z][a-z0-9_-]{1,19}$/, message: '小写字母开头，2至20位小写字母、数字、_ 或 -' }]}>
            <Input placeholder="如 zcwj" />
          </Form.Item>
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入栏目名称' }]}>
            <Input maxLength={20} placeholder="如 政策文件" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            新建栏目
          </Button>
        </Form>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>公开目录设置</h2>}>
        <ErrorAlert error={settings.error ?? save.error} />
        <Form form={form} layout="vertical" onFinish={(values: SettingsForm) => save.mutate(values)}>
          <Form.Item label="机构代码（用于索引号）" name="agencyCode" rules={[{ required: true, message: '请输入机构代码' }]}>
            <Input maxLength={32} placeholder="如统一社会信用代码" />
          </Form.Item>
          <Form.Item label="索引号格式" name="indexPattern" extra="可用 {agency} 机构代码、{column} 栏目代码、{year} 年份、{serial} 或 {serial:N} N 位序号" rules={[{ required: true, message: '请输入索引号格式' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label="主题分类（第一项为默认值）" name="topics" rules={[{ required: true, message: '至少一项主题分类' }]}>
            <Select mode="tags" tokenSeparators={[',', '，']} />
          </Form.Item>
          {settings.data ? <p>下一个索引号示例：{settings.data.example}</p> : null}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存设置
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
