import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SECRECY_RPC } from '@sanshen/contracts';
import type { DictionaryEntryView, DictionaryExceptionView, DictionaryPage, DictionaryVersionPage, DictionaryVersionView, LeaderView } from '@sanshen/contracts';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import {
  AddDictionaryEntryDto,
  AddDictionaryExceptionDto,
  AddLeaderDto,
  DictionaryListQueryDto,
  DictionaryReasonDto,
  DictionaryVersionsQueryDto,
} from './dto/dictionary.dto.js';
import { ServiceCalls } from './service-calls.js';

/** The content-check dictionary (错敏词 entries, exceptions, leaders), kept and versioned by the secrecy service. Admins change it. */
@ApiTags('dictionary')
@ApiBearerAuth()
@Controller('api/v1/dictionary')
export class DictionaryController {
  constructor(private readonly services: ServiceCalls) {}

  @Get('entries')
  listEntries(@Ctx() context: RequestContext, @Query() query: DictionaryListQueryDto): Promise<DictionaryPage<DictionaryEntryView>> {
    return this.services.send(SECRECY_RPC.listEntries, context, query);
  }

  @Post('entries')
  addEntry(@Ctx() context: RequestContext, @Body() dto: AddDictionaryEntryDto): Promise<DictionaryEntryView & { version: number }> {
    return this.services.send(SECRECY_RPC.addEntry, context, dto);
  }

  @Delete('entries/:itemId')
  @HttpCode(200)
  removeEntry(@Ctx() context: RequestContext, @Param('itemId', ParseUUIDPipe) id: string, @Body() dto: DictionaryReasonDto): Promise<DictionaryVersionView> {
    return this.services.send(SECRECY_RPC.removeEntry, context, { id, ...dto });
  }

  @Get('exceptions')
  listExceptions(@Ctx() context: RequestContext, @Query() query: DictionaryListQueryDto): Promise<DictionaryPage<DictionaryExceptionView>> {
    return this.services.send(SECRECY_RPC.listExceptions, context, query);
  }

  @Post('exceptions')
  addException(@Ctx() context: RequestContext, @Body() dto: AddDictionaryExceptionDto): Promise<DictionaryExceptionView & { version: number }> {
    return this.services.send(SECRECY_RPC.addException, context, dto);
  }

  @Delete('exceptions/:itemId')
  @HttpCode(200)
  removeException(@Ctx() context: RequestContext, @Param('itemId', ParseUUIDPipe) id: string, @Body() dto: DictionaryReasonDto): Promise<DictionaryVersionView> {
    return this.services.send(SECRECY_RPC.removeException, context, { id, ...dto });
  }

  @Get('leaders')
  listLeaders(@Ctx() context: RequestContext, @Query() query: DictionaryListQueryDto): Promise<DictionaryPage<LeaderView>> {
    return this.services.send(SECRECY_RPC.listLeaders, context, query);
  }

  @Post('leaders')
  addLeader(@Ctx() context: RequestContext, @Body() dto: AddLeaderDto): Promise<LeaderView & { version: number }> {
    return this.services.send(SECRECY_RPC.addLeader, context, dto);
  }

  @Delete('leaders/:itemId')
  @HttpCode(200)
  removeLeader(@Ctx() context: RequestContext, @Param('itemId', ParseUUIDPipe) id: string, @Body() dto: DictionaryReasonDto): Promise<DictionaryVersionView> {
    return this.services.send(SECRECY_RPC.removeLeader, context, { id, ...dto });
  }

  @Get('versions')
  listVersions(@Ctx() context: RequestContext, @Query() query: DictionaryVersionsQueryDto): Promise<DictionaryVersionPage> {
    return this.services.send(SECRECY_RPC.listVersions, context, query);
  }
}
