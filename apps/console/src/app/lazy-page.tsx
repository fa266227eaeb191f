import { Skeleton } from 'antd';
import { Suspense, lazy } from 'react';
import type { ComponentType } from 'react';

/** A route's page in its own chunk, with a skeleton while it loads. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Skeleton active style={{ padding: 24 }} />}>
      <Page />
    </Suspense>
  );
}
