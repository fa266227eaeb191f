import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';

/** How a stub answers one request: deliver, fail with HTTP 500, or refuse in a 200 body (errcode ≠ 0). */
export type StubAnswer = 'ok' | 'http500' | 'errcode';

export interface StubRequest {
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  answer: StubAnswer;
}

type Route = 'wecom' | 'dingtalk' | 'sms';

/**
 * Local stand-ins for the 企业微信 and 钉钉 group robots and an HTTP SMS provider, on 127.0.0.1 only.
 * Each checks what the real one would (payload shape, 钉钉's signed timestamp, the SMS signature)
 * and records a problem when something is off; each answers from a script, then `ok`.
 */
export class ChannelStubs {
  readonly requests: Record<Route, StubRequest[]> = { wecom: [], dingtalk: [], sms: [] };
  readonly problems: string[] = [];
  private readonly scripts: Record<Route, StubAnswer[]> = { wecom: [], dingtalk: [], sms: [] };
  private readonly always: Partial<Record<Route, StubAnswer>> = {};
  private server: Server | null = null;
  port = 0;

  constructor(
    private readonly dingtalkSecret: string,
    private readonly smsSecret: string,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next answers of a route, in order (then `ok`, or what `answerAlways` says). */
  script(route: Route, answers: StubAnswer[]): void {
    this.scripts[route].push(...answers);
  }

  answerAlways(route: Route, answer: StubAnswer | undefined): void {
    if (answer === undefined) delete this.always[route];
    else this.always[route] = answer;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        const route = url.pathname.slice(1) as Route;
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          this.problems.push(`${url.pathname}: body is not JSON`);
        }
        if (!(route in this.requests) || request.method !== 'POST') {
          response.writeHead(404).end();
          return;
        }
        if (!String(request.headers['content-type']).startsWith('application/json')) this.problems.push(`${route}: content-type ${request.headers['content-type']}`);
        this.check(route, url.searchParams, request.headers, body, raw);
        const answer = this.scripts[route].shift() ?? this.always[route] ?? 'ok';
        this.requests[route].push({ path: url.pathname, query: url.searchParams, headers: request.headers, body, answer });
        if (answer === 'http500') {
          response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"stub failure"}');
        } else if (route === 'sms') {
          response.writeHead(answer === 'ok' ? 200 : 500, { 'content-type': 'application/json' }).end('{"ok":true}');
        } else {
          const reply = answer === 'ok' ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'keywords not in content' };
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
        }
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address !== null ? address.port : 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private check(route: Route, query: URLSearchParams, headers: Record<string, string | string[] | undefined>, body: Record<string, unknown>, raw: string): void {
    const problem = (text: string) => this.problems.push(`${route}: ${text}`);
    if (route === 'wecom') {
      if (query.get('key') === null) problem('no key');
      if (body.msgtype === 'text' && typeof (body.text as { content?: unknown } | undefined)?.content !== 'string') problem('text without content');
      if (body.msgtype === 'markdown' && typeof (body.markdown as { content?: unknown } | undefined)?.content !== 'string') problem('markdown without content');
      if (body.msgtype !== 'text' && body.msgtype !== 'markdown') problem(`msgtype ${String(body.msgtype)}`);
    }
    if (route === 'dingtalk') {
      const timestamp = query.get('timestamp') ?? '';
      const expected = createHmac('sha256', this.dingtalkSecret).update(`${timestamp}\n${this.dingtalkSecret}`).digest('base64');
      if (query.get('access_token') === null) problem('no access_token');
      if (query.get('sign') !== expected) problem(`sign ${query.get('sign')} does not match`);
      if (Math.abs(Date.now() - Number(timestamp)) > 60 * 60 * 1000) problem('timestamp more than an hour off');
      const markdown = body.markdown as { title?: unknown; text?: unknown } | undefined;
      if (body.msgtype === 'markdown' && (typeof markdown?.title !== 'string' || typeof markdown.text !== 'string')) problem('markdown without title/text');
      if (body.msgtype !== 'text' && body.msgtype !== 'markdown') problem(`msgtype ${String(body.msgtype)}`);
    }
    if (route === 'sms') {
      const timestamp = String(headers['x-sanshen-timestamp'] ?? '');
      const expected = `sha256=${createHmac('sha256', this.smsSecret).update(`${timestamp}\n${raw}`).digest('hex')}`;
      const given = String(headers['x-sanshen-signature'] ?? '');
      if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) problem('signature does not match');
      if (headers['idempotency-key'] !== body.requestId) problem('Idempotency-Key is not the requestId');
      if (typeof body.phone !== 'string' || typeof body.text !== 'string' || typeof body.signName !== 'string') problem('phone/text/signName missing');
    }
  }
}
