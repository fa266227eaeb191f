import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { REVIEW_RPC } from '@sanshen/contracts';
import type { DelegationListView, DelegationView } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import type { Actor } from '@sanshen/kernel';
import { SignInUseCase } from '../../use-cases/sign-in/sign-in.use-case.js';
import { PasswordChangeRoute } from '../auth/jwt-auth.guard.js';
import { RefreshSessionUseCase } from '../../use-cases/refresh-session/refresh-session.use-case.js';
import { SessionTokens } from '../../use-cases/session-tokens.js';
import type { TokenPair } from '../../use-cases/session-tokens.js';
import { GATEWAY_CONFIG } from '../../config/gateway.config.js';
import type { GatewayConfig } from '../../config/gateway.config.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE, SESSION_COOKIE, clearSessionCookies, setSessionCookies } from '../auth/session-cookies.js';
import { SignOutUseCase } from '../../use-cases/sign-out/sign-out.use-case.js';
import { ChangeOwnPasswordUseCase } from '../../use-cases/change-own-password/change-own-password.use-case.js';
import { Public } from '@sanshen/platform/core';
import { Ctx } from '../auth/request-context.js';
import { SignInRoute } from '../rate-limit/rate-limits.js';
import type { RequestContext } from '../auth/request-context.js';
import { LoginDto, RefreshDto } from './dto/auth.dto.js';
import { ChangeOwnPasswordDto } from './dto/organisation.dto.js';
import { ServiceCalls } from './service-calls.js';
import { ApiRoute } from './openapi/api-route.js';
import { ACTOR_EXAMPLE, DELEGATION_EXAMPLE } from './openapi/examples.js';

const TOKENS_EXAMPLE = { accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOi…', refreshToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzaWQiOi…', expiresIn: 900 };

/** The answer to a cookie sign-in or refresh: no tokens, only what the console's script needs. */
interface CookieSessionView {
  session: 'cookie';
  csrfToken: string;
  expiresIn: number;
}

@ApiTags('session')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly signOut: SignOutUseCase,
    private readonly changeOwnPassword: ChangeOwnPasswordUseCase,
    private readonly services: ServiceCalls,
    private readonly tokens: SessionTokens,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * `{cookie: true}` (a browser console): the tokens go into HttpOnly cookies and the answer carries
   * the CSRF token instead of them; otherwise the token pair in JSON for `Authorization: Bearer`.
   */
  @ApiRoute({
    summary: '登录',
    description:
      '用户名与密码登录，返回访问令牌与刷新令牌（Authorization: Bearer）；cookie 为 true 时（浏览器控制台）令牌放在 HttpOnly Cookie 中，应答返回 CSRF 令牌。15 分钟内失败 5 次账户锁定 30 分钟。以一次性密码登录后 passwordChangeRequired 为 true，须先修改密码。',
    answer: { json: { ...TOKENS_EXAMPLE, user: ACTOR_EXAMPLE, passwordChangeRequired: false } },
    errors: ['AUTH.INVALID_CREDENTIALS', 'AUTH.ACCOUNT_LOCKED'],
  })
  @Public()
  @SignInRoute()
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<(TokenPair | CookieSessionView) & { user: Actor; passwordChangeRequired: boolean }> {
    const { sessionId, ...signedIn } = await this.signIn.execute(dto.username, dto.password);
    if (dto.cookie !== true) return signedIn;
    return { ...this.toCookies(request, reply, signedIn, sessionId), user: signedIn.user, passwordChangeRequired: signedIn.passwordChangeRequired };
  }

  /** The refresh token from the body, or (a cookie session) from its cookie with the CSRF token. */
  @ApiRoute({
    summary: '刷新令牌',
    description: '以刷新令牌换取新的一对令牌，旧的刷新令牌随即失效；重复使用已用过的刷新令牌会注销整个会话。Cookie 会话提交空对象，并带刷新 Cookie 与 X-CSRF-Token 请求头。',
    answer: { json: TOKENS_EXAMPLE },
    errors: ['AUTH.UNAUTHENTICATED', 'AUTH.TOKEN_INVALID', 'AUTH.CSRF_INVALID'],
  })
  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  async refresh(
    @Body() dto: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPair | CookieSessionView> {
    if (dto.refreshToken !== undefined) {
      const { sessionId: _sessionId, ...pair } = await this.refreshSession.execute(dto.refreshToken);
      return pair;
    }
    const cookie = request.cookies[REFRESH_COOKIE];
    if (cookie === undefined) throw new DomainError('AUTH.UNAUTHENTICATED');
    // Double-submit: the readable cookie echoed in the header (another site can send neither).
    const csrf = request.headers[CSRF_HEADER];
    if (typeof csrf !== 'string' || csrf === '' || csrf !== request.cookies[CSRF_COOKIE]) throw new DomainError('AUTH.CSRF_INVALID');
    const { sessionId, ...pair } = await this.refreshSession.execute(cookie);
    return this.toCookies(request, reply, pair, sessionId);
  }

  @ApiRoute({
    summary: '退出登录',
    description: '注销当前会话：访问令牌与刷新令牌一并失效，Cookie 会话的 Cookie 被清除。',
    answer: { empty: true },
    errors: [],
  })
  @ApiBearerAuth()
  @PasswordChangeRoute()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Ctx() context: RequestContext, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.signOut.execute(context.sessionId);
    if (request.cookies[SESSION_COOKIE] !== undefined || request.cookies[REFRESH_COOKIE] !== undefined) clearSessionCookies(reply);
  }

  private toCookies(request: FastifyRequest, reply: FastifyReply, pair: TokenPair, sessionId: string): CookieSessionView {
    const csrfToken = this.tokens.csrfToken(sessionId);
    setSessionCookies(request, reply, { ...pair, refreshExpiresIn: this.config.refreshTokenTtlSeconds, csrfToken });
    return { session: 'cookie', csrfToken, expiresIn: pair.expiresIn };
  }

  @ApiRoute({
    summary: '当前用户',
    description: '已登录的用户：机关、科室、角色、分管科室，以及本人给出和接受的审核委托。',
    answer: { json: { ...ACTOR_EXAMPLE, delegations: [DELEGATION_EXAMPLE] } },
    errors: [],
  })
  @ApiBearerAuth()
  @Get('me')
  async me(@Ctx() context: RequestContext): Promise<Actor & { delegations: DelegationView[] }> {
    // The review service owns delegations: those the caller gave and holds. A caller without review
    // duties (refused there) or a review service that is down leaves the list empty; /me still answers.
    const delegations = await this.services.send<DelegationListView>(REVIEW_RPC.delegations, context, {}).then(
      (list) => [...list.given, ...list.received],
      (error: unknown) => {
        if (error instanceof DomainError && (error.kind === 'forbidden' || error.kind === 'unavailable')) return [];
        throw error;
      },
    );
    return { ...context.actor, delegations };
  }

  /** Changes one's own password with the old one; the caller's other sessions end. */
  @ApiRoute({
    summary: '修改本人密码',
    description: '以原密码修改本人密码（须符合密码规则：至少 12 位，包含四类字符中的三类，不含用户名）；本人的其他会话随即结束。以一次性密码登录后须先调用此接口。',
    answer: { empty: true },
    errors: ['IDENTITY.OLD_PASSWORD_WRONG', 'IDENTITY.PASSWORD_POLICY'],
  })
  @ApiBearerAuth()
  @PasswordChangeRoute()
  @Post('me/password')
  @HttpCode(204)
  async password(@Ctx() context: RequestContext, @Body() dto: ChangeOwnPasswordDto): Promise<void> {
    await this.changeOwnPassword.execute(context.actor, context.sessionId, dto, context.correlationId);
  }
}
