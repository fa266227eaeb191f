import { useRouteError } from 'react-router';

/** Never a blank screen: an unexpected error of a page, with a way back (plain markup: it loads first). */
export function RouteError() {
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <main role="alert" style={{ padding: 32 }}>
      <h1 style={{ fontSize: 20 }}>页面出错了</h1>
      <p>请刷新页面重试。错误信息：{detail}</p>
      <a href="/">返回工作台</a>
    </main>
  );
}
