import { Card, Col, Row } from 'antd';
import { NewArticleForm } from './NewArticleForm';
import { NewReportForm } from './NewReportForm';
import { ImportReportForm } from './ImportReportForm';

/** 新建: an article, an annual report (last year's carried over), or a report imported from a file. */
export default function NewDocumentPage() {
  return (
    <>
      <h1 style={{ fontSize: 20 }}>新建文稿</h1>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>网站稿件</h2>}>
            <NewArticleForm />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>政府信息公开工作年度报告</h2>}>
            <NewReportForm />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>从文件导入年度报告</h2>}>
            <ImportReportForm />
          </Card>
        </Col>
      </Row>
    </>
  );
}
