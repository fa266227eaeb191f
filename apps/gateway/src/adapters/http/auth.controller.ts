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
  @ApiBearerAuth()
  @PasswordChangeRoute()
  @Post('me/password')
  @HttpCode(204)
  async password(@Ctx() context: RequestContext, @Body() dto: ChangeOwnPasswordDto): Promise<void> {
    await this.changeOwnPassword.execute(context.actor, context.sessionId, dto, context.correlationId);
  }
}
