import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@sanshen/contracts';
import { SignInUseCase } from '../../use-cases/sign-in/sign-in.use-case.js';
import { RefreshSessionUseCase } from '../../use-cases/refresh-session/refresh-session.use-case.js';
import type { TokenPair } from '../../use-cases/session-tokens.js';
import { SignOutUseCase } from '../../use-cases/sign-out/sign-out.use-case.js';
import { Public } from '@sanshen/platform';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { LoginDto, RefreshDto } from './dto/auth.dto.js';

@ApiTags('session')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly signOut: SignOutUseCase,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() dto: LoginDto): Promise<TokenPair & { user: Actor }> {
    return this.signIn.execute(dto.username, dto.password);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.refreshSession.execute(dto.refreshToken);
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Ctx() context: RequestContext): Promise<void> {
    await this.signOut.execute(context.sessionId);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@Ctx() context: RequestContext): Actor & { delegations: never[] } {
    return { ...context.actor, delegations: [] };
  }
}
