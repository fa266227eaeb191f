import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DomainError, REVIEW_RPC } from '@sanshen/contracts';
import type { Actor, DelegationListView, DelegationView } from '@sanshen/contracts';
import { SignInUseCase } from '../../use-cases/sign-in/sign-in.use-case.js';
import type { SignedIn } from '../../use-cases/sign-in/sign-in.use-case.js';
import { PasswordChangeRoute } from '../auth/jwt-auth.guard.js';
import { RefreshSessionUseCase } from '../../use-cases/refresh-session/refresh-session.use-case.js';
import type { TokenPair } from '../../use-cases/session-tokens.js';
import { SignOutUseCase } from '../../use-cases/sign-out/sign-out.use-case.js';
import { ChangeOwnPasswordUseCase } from '../../use-cases/change-own-password/change-own-password.use-case.js';
import { Public } from '@sanshen/platform';
import { Ctx } from '../auth/request-context.js';
import { SignInRoute } from '../rate-limit/rate-limits.js';
import type { RequestContext } from '../auth/request-context.js';
import { LoginDto, RefreshDto } from './dto/auth.dto.js';
import { ChangeOwnPasswordDto } from './dto/organisation.dto.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('session')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly signOut: SignOutUseCase,
    private readonly changeOwnPassword: ChangeOwnPasswordUseCase,
    private readonly services: ServiceCalls,
  ) {}

  @Public()
  @SignInRoute()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() dto: LoginDto): Promise<SignedIn> {
    return this.signIn.execute(dto.username, dto.password);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.refreshSession.execute(dto.refreshToken);
  }

  @ApiBearerAuth()
  @PasswordChangeRoute()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Ctx() context: RequestContext): Promise<void> {
    await this.signOut.execute(context.sessionId);
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
