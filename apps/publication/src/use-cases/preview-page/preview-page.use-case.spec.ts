import { describe, expect, it } from 'vitest';
import type { PortalPush } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { PortalTarget } from '../push-publication/portal-target.js';
import { AGENCY, DOC, documentView, person, publicationHarness } from '../publication.fixture.js';
import type { PublicationWorld } from '../publication.fixture.js';
import { PreviewPageUseCase } from './preview-page.use-case.js';

const laidOut = (pushes: PortalPush[]): NonNullable<PortalTarget['preview']> =>
  async (push) => {
    pushes.push(push);
    return { ok: true, html: `<html>${push.title}</html>` };
  };

function preview(world: PublicationWorld) {
  const { drafting, portal, log } = publicationHarness(world);
  return { useCase: new PreviewPageUseCase(drafting, portal), log };
}

describe('PreviewPageUseCase', () => {
  it('reads the version as the caller and has the portal lay out the page a publication would push, storing nothing', async () => {
    const pushes: PortalPush[] = [];
    const { useCase, log } = preview({ portal: { preview: laidOut(pushes) } });
    const page = await useCase.execute(person('head', ['dept_head']), { documentId: DOC }, 'c-1');
    expect(page).toEqual({ documentId: DOC, version: 1, html: '<html>关于开展检查的通知</html>' });
    expect(log).toEqual(['drafting.get as head', 'drafting.columnList as head']);
    // The column is shown by its managed name; a preview allocates no 索引号 (no catalogue entry).
    expect(pushes[0]).toMatchObject({ documentId: DOC, version: 1, agency: { id: AGENCY, name: '机关' }, kind: 'article', html: '<p>正文</p>', column: '通知公告' });
    expect(pushes[0]).not.toHaveProperty('catalogue');
  });

  it('passes on drafting’s refusal of a document the caller may not read', async () => {
    const { useCase } = preview({ document: new DomainError('DOCUMENT.NOT_FOUND'), portal: { preview: laidOut([]) } });
    await expect(useCase.execute(person('stranger', ['drafter']), { documentId: DOC }, 'c')).rejects.toMatchObject({ code: 'DOCUMENT.NOT_FOUND' });
  });

  it.each<[string, PublicationWorld, string]>([
    ['content the renderer cannot read', { document: documentView({ content: { body: 42 } }), portal: { preview: laidOut([]) } }, 'PUBLICATION.PREVIEW_FAILED'],
    ['a portal that cannot preview', {}, 'PUBLICATION.PREVIEW_UNAVAILABLE'],
    ['a portal that fails to lay the page out', { portal: { preview: async () => ({ ok: false, error: 'down' }) } }, 'PUBLICATION.PREVIEW_UNAVAILABLE'],
  ])('refuses %s', async (_label, world, code) => {
    await expect(preview(world).useCase.execute(person('head', ['dept_head']), { documentId: DOC }, 'c')).rejects.toMatchObject({ code });
  });
});
