import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { ArticleCatalogue } from '../../../../../libs/kernel/src/catalogue';
import { useCatalogue } from './use-catalogue';

/**
 * 政府信息公开目录 fields the drafter fills: 成文日期, 文号, 主题分类, 公开方式. 索引号, 发布机构 and 发布日期 are
 * generated at publication and shown on the portal page.
 */
export function CatalogueFields({ value, onChange }: { value: ArticleCatalogue; onChange: (value: ArticleCatalogue) => void }) {
  const { settings } = useCatalogue();
  const set = (patch: Partial<ArticleCatalogue>) => {
    const next: Record<string, string | undefined> = { ...value, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next as ArticleCatalogue);
  };
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>政府信息公开目录（索引号、发布机构、发布日期在发布时由系统生成；未填的成文日期取发布日期，主题分类取第一项，公开方式为主动公开）</legend>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item label="成文日期" htmlFor="catalogue-written-on">
            <DatePicker id="catalogue-written-on" style={{ width: '100%' }} value={value.writtenOn ? dayjs(value.writtenOn) : null} onChange={(day) => set({ writtenOn: day ? day.format('YYYY-MM-DD') : undefined })} placeholder="默认为发布日期" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="文号" htmlFor="catalogue-number">
            <Input id="catalogue-number" maxLength={50} value={value.documentNumber ?? ''} onChange={(event) => set({ documentNumber: event.target.value })} placeholder="如 东工信〔2026〕12号" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="主题分类" htmlFor="catalogue-topic">
            <Select id="catalogue-topic" allowClear value={value.topic} onChange={(topic?: string) => set({ topic })} options={(settings.data?.topics ?? []).map((topic) => ({ value: topic, label: topic }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="公开方式" htmlFor="catalogue-openness">
            <Select id="catalogue-openness" allowClear value={value.openness} onChange={(openness?: ArticleCatalogue['openness']) => set({ openness })} options={(settings.data?.openness ?? ['主动公开']).map((item) => ({ value: item, label: item }))} />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}
