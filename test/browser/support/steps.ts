import type { Page } from 'playwright-core';

/** Opens a document from the 待办 list (reloading while the hand-over is still arriving). */
export async function openTask(page: Page, baseUrl: string, documentId: string): Promise<void> {
  const link = page.locator(`a[href="/documents/${documentId}"]`).first();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await page.goto(`${baseUrl}/tasks`);
    await page.getByRole('heading', { name: '待办任务' }).waitFor();
    await page.locator('.plain-list, .plain-list-empty').first().waitFor();
    if ((await link.count()) > 0) break;
    await page.waitForTimeout(1000);
  }
  await link.click();
  await page.waitForURL(`**/documents/${documentId}`);
}

/** JavaScript bytes on the wire (compressed) for everything the page loaded so far. */
export function countScriptBytes(page: Page): () => number {
  let bytes = 0;
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    void request.sizes().then((sizes) => {
      bytes += sizes.responseBodySize;
    });
  });
  return () => bytes;
}
