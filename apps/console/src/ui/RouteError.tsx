import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';

/** Never a blank screen: an unexpected error of a page, with a way back. */
export function RouteError() {
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle={`请刷新页面重试。错误信息：${detail}`}
      extra={
        <Button type="primary" href="/">
          返回工作台
        </Button>
      }
    />
  );
}
