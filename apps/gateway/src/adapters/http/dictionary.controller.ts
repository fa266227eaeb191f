import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { SECRECY_RPC } from '@sanshen/contracts';
import type { DictionaryEntryView, DictionaryExceptionView, DictionaryPage, DictionaryVersionPage, DictionaryVersionView, LeaderView } from '@sanshen/contracts';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ApiRoute } from './openapi/api-route.js';
import { DICTIONARY_VERSION_EXAMPLE, IDS } from './openapi/examples.js';
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

  @ApiRoute({
    summary: '错敏词条列表',
    description: '词库中的错敏词条（按文字筛选，分页），并返回所示内容的词库版本。系统管理员与保密审查员可查看。',
    answer: { json: { version: 12, items: [{ id: IDS.finding, wrong: '中华人民共和国保密法', right: '中华人民共和国保守国家秘密法', category: 'statute', severity: 'warning', note: null, addedIn: 12 }], nextCursor: null } },
    errors: ['DOCUMENT.ROLE_NOT_ALLOWED'],
  })
  @Get('entries')
  listEntries(@Ctx() context: RequestContext, @Query() query: DictionaryListQueryDto): Promise<DictionaryPage<DictionaryEntryView>> {
    return this.services.send(SECRECY_RPC.listEntries, context, query);
  }

  @ApiRoute({
    summary: '新增错敏词条',
    description: '系统管理员在词库中新增错敏词条（须填写理由），词库版本随之加一；之后的检查使用新版本。',
    answer: { json: { ...{ id: IDS.finding, wrong: '中华人民共和国保密法', right: '中华人民共和国保守国家秘密法', category: 'statute', severity: 'warning', note: null, addedIn: 12 }, version: 13 } },
    errors: ['DICTIONARY.ADMIN_ONLY', 'DICTIONARY.DUPLICATE', 'DICTIONARY.ENTRY_INVALID'],
  })
  @Post('entries')
  addEntry(@Ctx() context: RequestContext, @Body() dto: AddDictionaryEntryDto): Promise<DictionaryEntryView & { version: number }> {
    return this.services.send(SECRECY_RPC.addEntry, context, dto);
  }

  @ApiRoute({
    summary: '删除错敏词条',
    description: '系统管理员从词库中删除错敏词条（须填写理由），返回新的词库版本。',
    answer: { json: { ...DICTIONARY_VERSION_EXAMPLE, version: 13, change: { ...DICTIONARY_VERSION_EXAMPLE.change, op: 'remove' } } },
    errors: ['DICTIONARY.ADMIN_ONLY', 'DICTIONARY.ITEM_NOT_FOUND'],
  })
  @Delete('entries/:itemId')
  @HttpCode(200)
  removeEntry(@Ctx() context: RequestContext, @Param('itemId', ParseUUIDPipe) id: string, @Body() dto: DictionaryReasonDto): Promise<DictionaryVersionView> {
    return this.services.send(SECRECY_RPC.removeEntry, context, { id, ...dto });
  }

  @ApiRoute({
    summary: '例外短语列表',
    description: '词库中的例外短语（按文字筛选，分页），并返回所示内容的词库版本。系统管理员与保密审查员可查看。',
    answer: { json: { version: 12, items: [{ id: IDS.finding, phrase: '内部控制制度', reason: '“内部”在此不是密级标识', addedIn: 12, findingId: null }], nextCursor: null } },
    errors: ['DOCUMENT.ROLE_NOT_ALLOWED'],
  })
  @Get('exceptions')
  listExceptions(@Ctx() context: RequestContext, @Query() query: DictionaryListQueryDto): Promise<DictionaryPage<DictionaryExceptionView>> {
    return this.services.send(SECRECY_RPC.listExceptions, context, query);
  }

  @ApiRoute({
    summary: '新增例外短语',
    description: '系统管理员在词库中新增例外短语（须填写理由），词库版本随之加一；之后的检查使用新版本。',
    answer: { json: { ...{ id: IDS.finding, phrase: '内部控制制度', reason: '“内部”在此不是密级标识', addedIn: 12, findingId: null }, version: 13 } },
    errors: ['DICTIONARY.ADMIN_ONLY', 'DICTIONARY.DUPLICATE', 'DICTIONARY.ENTRY_INVALID'],
  })
  @Post('exceptions')
  addException(@Ctx() context: RequestContext, @Body() dto: AddDictionaryExceptionDto): Promise<DictionaryExceptionView & { version: number }> {
    return this.services.send(SECRECY_RPC.addException, context, dto);
  }

  @ApiRoute({
    summary: '删除例外短语',
    description: '系统管理员从词库中删除例外短语（须填写理由），返回新的词库版本。',
    answer: { json: { ...DICTIONARY_VERSION_EXAMPLE, version: 13, change: { ...DICTIONARY_VERSION_EXAMPLE.change, op: 'remove' } } },
    errors: ['DICTIONARY.ADMIN_ONLY', 'DICTIONARY.ITEM_NOT_FOUND'],
  })
  @Delete('exceptions/:itemId')
  @HttpCode(200)
  removeException(@Ctx() context: RequestContext, @Param('itemId', ParseUUIDPipe) id: string, @Body() dto: DictionaryReasonDto): Promise<DictionaryVersionView> {
    return this.services.send(SECRECY_RPC.removeException, context, { id, ...dto });
  }

  @ApiRoute({
    summary: '领导人列表',
    description: '词库中的领导人（按文字筛选，分页），并返回所示内容的词库版本。系统管理员与保密审查员可查看；领导人名单限本单位。',
    answer: { json: { version: 12, items: [{ id: IDS.finding, agencyId: IDS.agency, name: '张三', title: '副市长', from: '2021-03-01', until: null, addedIn: 12 }], nextCursor: null } },
    errors: ['DOCUMENT.ROLE_NOT_ALLOWED'],
  })
  @Get('leaders')
  listLeaders(@Ctx() context: RequestContext, @Query() query: DictionaryListQueryDto): Promise<DictionaryPage<LeaderView>> {
    return this.services.send(SECRECY_RPC.listLeaders, context, query);
  }

  @ApiRoute({
    summary: '新增领导人',
    description: '系统管理员在词库中新增领导人（须填写理由），词库版本随之加一；之后的检查使用新版本。',
    answer: { json: { ...{ id: IDS.finding, agencyId: IDS.agency, name: '张三', title: '副市长', from: '2021-03-01', until: null, addedIn: 12 }, version: 13 } },
    errors: ['DICTIONARY.ADMIN_ONLY', 'DICTIONARY.DUPLICATE', 'DICTIONARY.ENTRY_INVALID'],
  })
  @Post('leaders')
  addLeader(@Ctx() context: RequestContext, @Body() dto: AddLeaderDto): Promise<LeaderView & { version: number }> {
    return this.services.send(SECRECY_RPC.addLeader, context, dto);
  }

  @ApiRoute({
    summary: '删除领导人',
    description: '系统管理员从词库中删除领导人（须填写理由），返回新的词库版本。',
    answer: { json: { ...DICTIONARY_VERSION_EXAMPLE, version: 13, change: { ...DICTIONARY_VERSION_EXAMPLE.change, op: 'remove' } } },
    errors: ['DICTIONARY.ADMIN_ONLY', 'DICTIONARY.ITEM_NOT_FOUND'],
  })
  @Delete('leaders/:itemId')
  @HttpCode(200)
  removeLeader(@Ctx() context: RequestContext, @Param('itemId', ParseUUIDPipe) id: string, @Body() dto: DictionaryReasonDto): Promise<DictionaryVersionView> {
    return this.services.send(SECRECY_RPC.removeLeader, context, { id, ...dto });
  }

  @ApiRoute({
    summary: '词库版本',
    description: '词库的每一个版本，最新在前：谁、何时、为何、改了什么。',
    answer: { json: { items: [DICTIONARY_VERSION_EXAMPLE], nextCursor: null } },
    errors: ['DOCUMENT.ROLE_NOT_ALLOWED'],
  })
  @Get('versions')
  listVersions(@Ctx() context: RequestContext, @Query() query: DictionaryVersionsQueryDto): Promise<DictionaryVersionPage> {
    return this.services.send(SECRECY_RPC.listVersions, context, query);
  }
}
