import csrfProtection from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '@sanshen/kernel';
import { ROOT_LOGGER, httpStatusOf, sendHttpError, setRetryAfter } from '@sanshen/platform/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AuthorizeOpsSessionUseCase } from '../../use-cases/authorize-ops-session/authorize-ops-session.use-case.js';
import { OpenOpsSessionUseCase } from '../../use-cases/open-ops-session/open-ops-session.use-case.js';
import { SignOutUseCase } from '../../use-cases/sign-out/sign-out.use-case.js';
import { z } from 'zod';
import { CREDENTIALS } from '../http/dto/auth.dto.js';
import { SignInRateLimit } from '../rate-limit/sign-in-rate-limit.js';
import { renderLoginPage } from './login-page.js';
import { QueueBoard } from './queue-board.js';

export const OPS_CONSOLE_PATH = '/admin';
export const OPS_QUEUES_PATH = `${OPS_CONSOLE_PATH}/queues`;
const LOGIN_PATH = `${OPS_CONSOLE_PATH}/login`;
export const OPS_COOKIE = 'sanshen_ops';
/** The secret of the console's CSRF tokens (@fastify/csrf-protection); the token is in each form. */
export const OPS_CSRF_COOKIE = 'sanshen_ops_csrf';
export const OPS_CSRF_FIELD = '_csrf';
/** The sign-in form: the API's credentials; other fields (the CSRF token) are not the form's concern. */
const LOGIN_FORM = z.object(CREDENTIALS);

/**
 * The board's page loads its own scripts and styles; everything else (its web font from the
 * internet, frames, other origins) is refused, so the console works on an isolated network too.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

interface ConsoleUseCases {
  open: OpenOpsSessionUseCase;
  authorize: AuthorizeOpsSessionUseCase;
  signOut: SignOutUseCase;
  board: QueueBoard;
  signInLimit: SignInRateLimit;
  logger: Logger;
}

/**
 * The operators' console at /admin: a sign-in form that sets an HttpOnly, SameSite=Strict cookie, and
 * bull-board at /admin/queues behind it, administrators only. Its own Fastify scope: the cookie and
 * form parsers, headers and error handling do not touch the JSON API.
 */
export async function registerOpsConsole(app: NestFastifyApplication): Promise<void> {
  const useCases: ConsoleUseCases = {
    open: app.get(OpenOpsSessionUseCase),
    authorize: app.get(AuthorizeOpsSessionUseCase),
    signOut: app.get(SignOutUseCase),
    board: app.get(QueueBoard),
    signInLimit: app.get(SignInRateLimit),
    logger: app.get<Logger>(ROOT_LOGGER),
  };
  await app.register(async (scope: FastifyInstance) => opsConsole(scope, useCases), { prefix: OPS_CONSOLE_PATH });
}

async function opsConsole(scope: FastifyInstance, useCases: ConsoleUseCases): Promise<void> {
  // @fastify/cookie is the gateway's (main.ts). Forms carry a token bound to a secret cookie, in
  // addition to the Origin check and the SameSite=Strict session cookie.
  await scope.register(formbody, { bodyLimit: 4096 });
  await scope.register(csrfProtection, {
    cookieKey: OPS_CSRF_COOKIE,
    cookieOpts: { path: OPS_CONSOLE_PATH, httpOnly: true, sameSite: 'strict', signed: false },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const token = body?.[OPS_CSRF_FIELD] ?? request.headers['x-csrf-token'];
      return typeof token === 'string' ? token : undefined;
    },
  });
  scope.addHook('onSend', async (_request, reply) => {
    void reply.header('Cache-Control', 'no-store').header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    void reply.header('X-Content-Type-Options', 'nosniff').header('Referrer-Policy', 'same-origin');
  });

  scope.setErrorHandler((error, request, reply) => {
    if (isCsrfError(error)) return loginFailed(reply, new DomainError('AUTH.CSRF_INVALID'));
    return sendHttpError(useCases.logger, request, reply, error);
  });

  scope.get('/', async (_request, reply) => reply.redirect(OPS_QUEUES_PATH, 303));

  scope.get('/login', async (request, reply) => {
    const signedIn = await useCases.authorize.execute(request.cookies[OPS_COOKIE]).then(
      () => true,
      () => false,
    );
    if (signedIn) return reply.redirect(OPS_QUEUES_PATH, 303);
    return reply.type('text/html; charset=utf-8').send(renderLoginPage({ csrfToken: reply.generateCsrf() }));
  });

  scope.post('/login', { preHandler: scope.csrfProtection }, async (request, reply) => {
    if (!isSameOrigin(request)) return loginFailed(reply, new DomainError('AUTH.FORBIDDEN'));
    const limited = await useCases.signInLimit.count(request.ip).then(() => null, (error: unknown) => rethrowUnlessDomain(error));
    if (limited) return loginFailed(reply, limited);
    const parsed = LOGIN_FORM.safeParse(request.body ?? {});
    if (!parsed.success) return loginFailed(reply, new DomainError('REQUEST.INVALID', undefined, '请输入用户名和密码'));
    const form = parsed.data;
    try {
      const ticket = await useCases.open.execute(form.username, form.password);
      void reply.setCookie(OPS_COOKIE, ticket.token, cookieOptions(request, ticket.expiresIn));
      request.log.info({ userId: ticket.actor.userId }, 'operators console: signed in');
      return reply.redirect(OPS_QUEUES_PATH, 303);
    } catch (error) {
      if (error instanceof DomainError) return loginFailed(reply, error, form.username);
      throw error;
    }
  });

  const signOut = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'POST' && !isSameOrigin(request)) return loginFailed(reply, new DomainError('AUTH.FORBIDDEN'));
    const session = await useCases.authorize.execute(request.cookies[OPS_COOKIE]).catch(() => null);
    if (session !== null) await useCases.signOut.execute(session.sessionId);
    void reply.clearCookie(OPS_COOKIE, { path: OPS_CONSOLE_PATH });
    return reply.redirect(LOGIN_PATH, 303);
  };
  // GET too, for the board's menu link: the cookie is SameSite=Strict, so no other site can sign one out.
  scope.get('/logout', signOut);
  scope.post('/logout', { preHandler: scope.csrfProtection }, signOut);

  await scope.register(async (board: FastifyInstance) => {
    board.addHook('onRequest', async (request, reply) => {
      try {
        await useCases.authorize.execute(request.cookies[OPS_COOKIE]);
        // Read-only by construction, whatever the board's own checks: jobs change only through the
        // services' use cases, which record the events.
        if (request.method !== 'GET' && request.method !== 'HEAD') throw new DomainError('OPS.QUEUE_READ_ONLY');
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (isPageRequest(request)) return reply.redirect(LOGIN_PATH, 303);
        return sendHttpError(useCases.logger, request, reply, error);
      }
      return undefined;
    });
    await board.register(useCases.board.serverAdapter(OPS_QUEUES_PATH).registerPlugin());
  }, { prefix: '/queues' });
}

/** The form again with the refusal, and a token to send it again with. */
function loginFailed(reply: FastifyReply, error: DomainError, username?: string): FastifyReply {
  const page = renderLoginPage({ error: error.message, csrfToken: reply.generateCsrf(), ...(username === undefined ? {} : { username }) });
  setRetryAfter(reply, error);
  return reply.code(httpStatusOf(error)).type('text/html; charset=utf-8').send(page);
}

/** @fastify/csrf-protection's refusals: a missing or wrong token, or no secret cookie. */
function isCsrfError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('FST_CSRF_');
}

function rethrowUnlessDomain(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  throw error;
}

function cookieOptions(request: FastifyRequest, maxAge: number) {
  return { path: OPS_CONSOLE_PATH, httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge } as const;
}

/** A form post from this console, not from another site (browsers send Origin on POST). */
function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  return origin === undefined || origin === `${request.protocol}://${request.host}`;
}

/** The board's own pages (not its JSON API or assets): a signed-out visitor is sent to the form. */
function isPageRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return request.method === 'GET' && !path.startsWith(`${OPS_QUEUES_PATH}/api/`) && !path.startsWith(`${OPS_QUEUES_PATH}/static/`);
}
