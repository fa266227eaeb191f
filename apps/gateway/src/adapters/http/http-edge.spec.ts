import 'reflect-metadata';
import { Body, Controller, Get, Module, Param, Patch, Post, Query } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorFilter, ROOT_LOGGER } from '@sanshen/platform/core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateDocumentDto, ListDocumentsQueryDto, PatchDocumentDto } from './dto/document.dto.js';
import { configureHttpEdge } from './http-edge.js';
import { PositiveIntParamPipe } from './input/int-param.pipe.js';

/** Routes shaped like the gateway's, answering what reached them: the edge alone is under test. */
@Controller('api/v1')
class EchoController {
  @Post('documents')
  create(@Body() dto: CreateDocumentDto): unknown {
    return { reached: dto };
  }

  @Get('documents')
  list(@Query() query: ListDocumentsQueryDto): unknown {
    return { reached: query };
  }

  @Patch('documents/:id')
  revise(@Param('id') id: string, @Body() dto: PatchDocumentDto): unknown {
    return { reached: { id, ...dto } };
  }

  @Get('documents/:id/versions/:version')
  version(@Param('version', PositiveIntParamPipe) version: number): unknown {
    return { reached: version };
  }

  @Post('users/import')
  import(@Body() body: unknown): unknown {
    return { reached: body };
  }
}

@Module({
  controllers: [EchoController],
  providers: [
    { provide: ROOT_LOGGER, useValue: pino({ level: 'silent' }) },
    { provide: APP_FILTER, useClass: ErrorFilter },
  ],
})
class EdgeTestModule {}

describe('the gateway HTTP edge (issue #11)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(EdgeTestModule, new FastifyAdapter({ bodyLimit: 1_048_576 }), { logger: false });
    await configureHttpEdge(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
  });

  const post = (url: string, payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
  const article = { kind: 'article', title: '关于调整办公时间的通知', column: '通知公告', body: '<p>第一段</p>\n<p>第二段</p>' };

  it('lets a well-formed article through, NFC-normalised', async () => {
    const response = await post('/api/v1/documents', JSON.stringify({ ...article, title: 'Cafe\u0301 通知' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().reached.title).toBe('Caf\u00e9 通知');
    expect(response.json().reached.body).toBe(article.body);
  });

  it.each([
    ['NUL', '\\u0000', 'control'],
    ['BEL', '\\u0007', 'control'],
    ['ESC', '\\u001b', 'control'],
    ['DEL', '\\u007f', 'control'],
    ['BOM', '\\ufeff', 'byte_order_mark'],
    ['U+2028', '\\u2028', 'unicode_separator'],
    ['RLO', '\\u202e', 'bidi_control'],
    ['LRO', '\\u202d', 'bidi_control'],
    ['LRI', '\\u2066', 'bidi_control'],
    ['RLM', '\\u200f', 'bidi_control'],
    ['a lone surrogate', '\\ud800', 'lone_surrogate'],
    ['a line feed', '\\n', 'line_break'],
  ])('refuses %s in a title with 422 naming the field', async (_name, escaped, violation) => {
    const payload = JSON.stringify(article).replace('"关于调整', `"关于${escaped}调整`);
    const response = await post('/api/v1/documents', payload);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: 'REQUEST.TEXT_INVALID', details: { field: 'title', violation, index: 2 } });
    expect(response.json().message).toContain('title');
  });

  it('allows line breaks in the rich-text body but not NUL or bidi controls', async () => {
    expect((await post('/api/v1/documents', JSON.stringify({ ...article, body: '<p>一</p>\r\n\t<p>二</p>' }))).statusCode).toBe(201);
    const rlo = await post('/api/v1/documents', JSON.stringify({ ...article, body: '<p>\u202e反</p>' }));
    expect(rlo.statusCode).toBe(422);
    expect(rlo.json().details).toMatchObject({ field: 'body', violation: 'bidi_control' });
  });

  it('tells single-line from multi-line members of a document edit, and checks keys', async () => {
    const url = '/api/v1/documents/00000000-0000-4000-8000-000000000000';
    const patch = (content: object) => app.inject({ method: 'PATCH', url, payload: { version: 1, content } });
    expect((await patch({ sections: { overall: '第一段\n第二段' }, body: '<p>a</p>\n' })).statusCode).toBe(200);
    const title = await patch({ title: '标题\n第二行' });
    expect(title.statusCode).toBe(422);
    expect(title.json().details).toMatchObject({ field: 'content.title', violation: 'line_break' });
    const section = await patch({ sections: { overall: '正文\u0000' } });
    expect(section.json().details).toMatchObject({ field: 'content.sections.overall', violation: 'control' });
    const key = await patch({ cells: { '/a\u0000b': 1 } });
    expect(key.statusCode).toBe(422);
    expect(key.json().details).toMatchObject({ field: 'content.cells./a\u0000b', violation: 'control' });
  });

  it('checks query strings and path parameters too', async () => {
    const query = await app.inject({ method: 'GET', url: `/api/v1/documents?q=${encodeURIComponent('\u202e标题')}` });
    expect(query.statusCode).toBe(422);
    expect(query.json().details).toMatchObject({ field: 'q', violation: 'bidi_control' });
    const param = await app.inject({ method: 'PATCH', url: '/api/v1/documents/%00', payload: { version: 1, content: {} } });
    expect(param.statusCode).toBe(422);
    expect(param.json().details).toMatchObject({ field: 'id', violation: 'control' });
  });

  it('refuses integers outside PostgreSQL range in paths and queries with 400, never passing them on', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/documents/x/versions/99999999999' })).statusCode).toBe(400);
    for (const bad of ['1.5', '-1', '0', 'abc', '1e12']) {
      expect((await app.inject({ method: 'GET', url: `/api/v1/documents/x/versions/${bad}` })).statusCode, bad).toBe(400);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/documents/x/versions/2147483647' })).json()).toEqual({ reached: 2147483647 });
    expect((await app.inject({ method: 'GET', url: '/api/v1/documents?year=99999999999' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/documents?limit=1e12' })).statusCode).toBe(400);
    const version = await app.inject({ method: 'PATCH', url: '/api/v1/documents/x', payload: { version: 1e12, content: {} } });
    expect(version.statusCode).toBe(400);
    expect(version.json().code).toBe('REQUEST.INVALID');
  });

  it('refuses JSON nested deeper than 64 with 400 before parsing it, even 10,000 deep', async () => {
    for (const payload of ['['.repeat(10_000) + ']'.repeat(10_000), `{"kind":${'{"a":'.repeat(65)}1${'}'.repeat(66)}`]) {
      const response = await post('/api/v1/documents', payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'REQUEST.JSON_TOO_DEEP', details: { maxDepth: 64 } });
    }
    // 64 levels of nesting are still JSON the DTO judges (400 REQUEST.INVALID for the wrong shape).
    const deepButAllowed = await post('/api/v1/documents', `{"kind":${'['.repeat(63)}${']'.repeat(63)}}`);
    expect(deepButAllowed.json().code).toBe('REQUEST.INVALID');
  });

  it('counts length limits in characters: 200 CJK Extension B characters are a 200-character title', async () => {
    const ok = await post('/api/v1/documents', JSON.stringify({ ...article, title: '𠀀'.repeat(200) }));
    expect(ok.statusCode, ok.body).toBe(201);
    const tooLong = await post('/api/v1/documents', JSON.stringify({ ...article, title: '𠀀'.repeat(201) }));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().code).toBe('REQUEST.INVALID');
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await post('/api/v1/documents', JSON.stringify({ ...article, body: 'x'.repeat(1_100_000) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('REQUEST.TOO_LARGE');
  });

  it('keeps refusing __proto__ keys and malformed JSON with 400', async () => {
    const proto = await post('/api/v1/documents', '{"kind":"article","__proto__":{"admin":true}}');
    expect(proto.statusCode).toBe(400);
    expect(proto.json().code).toBe('REQUEST.INVALID');
    expect((await post('/api/v1/documents', '{"kind":')).statusCode).toBe(400);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'kind=article&title=x'],
    ['text/plain', '{"kind":"article"}'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\narticle\r\n--x--\r\n'],
    ['text/csv', 'a,b'],
    ['application/xml', '<a/>'],
  ])('answers a %s body to a JSON route with 415', async (contentType, payload) => {
    const response = await post('/api/v1/documents', payload, contentType);
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('keeps text/csv for the user import, checked as multi-line text', async () => {
    const csv = await post('/api/v1/users/import', 'username,display_name\nzhang,张三\n', 'text/csv; charset=utf-8');
    expect(csv.statusCode, csv.body).toBe(201);
    expect(csv.json().reached).toBe('username,display_name\nzhang,张三\n');
    const nul = await post('/api/v1/users/import', 'username\nzh\u0000ang\n', 'text/csv');
    expect(nul.statusCode).toBe(422);
    expect((await post('/api/v1/users/import', 'a=b', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
  });

  it('sends the security headers a browser needs on every answer', async () => {
    for (const response of [await post('/api/v1/documents', JSON.stringify(article)), await app.inject({ method: 'GET', url: '/nowhere' })]) {
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });
});
