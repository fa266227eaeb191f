import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { CatalogueSettingsView, ColumnListView, ColumnView } from '@sanshen/contracts';
import { DEFAULT_COLUMNS, DEFAULT_TOPICS, OPENNESS } from '@sanshen/kernel';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { CatalogueSettingsDto, CreateColumnDto, ReorderColumnsDto, UpdateColumnDto } from './dto/catalogue.dto.js';
import { ApiRoute } from './openapi/api-route.js';
import { IDS } from './openapi/examples.js';
import { ServiceCalls } from './service-calls.js';

const COLUMN: ColumnView = { code: 'tzgg', name: '通知公告', position: 1, retired: false, retiredAt: null, forAnnualReports: false };
const COLUMNS: ColumnListView = {
  agencyId: IDS.agency,
  items: DEFAULT_COLUMNS.map((column, position) => ({ ...column, position, retired: false, retiredAt: null, forAnnualReports: column.code === 'ndbg' })),
};
const SETTINGS: CatalogueSettingsView = {
  agencyId: IDS.agency,
  agencyCode: '11632100MB1234567X',
  indexPattern: '{agency}/{column}-{year}-{serial:5}',
  topics: [...DEFAULT_TOPICS],
  openness: OPENNESS,
  example: '11632100MB1234567X/gzdt-2026-00001',
  updatedAt: '2026-12-06T09:30:00.000Z',
};
const ADMIN_ERRORS = ['CATALOGUE.ADMIN_ONLY', 'CATALOGUE.AGENCY_NOT_FOUND'] as const;
const uuid = new ParseUUIDPipe({ version: undefined });

/**
 * Managed columns (栏目) and the 政府信息公开目录 settings of an agency, kept by the drafting service.
 * Every member of the agency reads them (the editor's pickers); its administrator changes them.
 * Another agency's are 404.
 */
@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('api/v1/agencies/:agencyId')
export class CatalogueController {
  constructor(private readonly services: ServiceCalls) {}

  @ApiRoute({
    summary: '栏目列表',
    description: '本单位的网站栏目（按排列顺序，含已停用的栏目并标明）。本单位所有用户可查看；起草文章时只能选择启用中的栏目（政府信息公开年报栏目专用于年度报告）。',
    answer: { json: COLUMNS },
    errors: ['CATALOGUE.AGENCY_NOT_FOUND'],
  })
  @Get('columns')
  list(@Ctx() context: RequestContext, @Param('agencyId', uuid) agencyId: string): Promise<ColumnListView> {
    return this.services.send(DRAFTING_RPC.columnList, context, { agencyId });
  }

  @ApiRoute({
    summary: '新建栏目',
    description: '本单位系统管理员新建栏目（代码与名称在本单位内唯一，代码创建后不可更改），排在最后。',
    answer: { json: { ...COLUMN, code: 'zcwj', name: '政策文件', position: 5 } },
    errors: [...ADMIN_ERRORS, 'CATALOGUE.COLUMN_CODE_INVALID', 'CATALOGUE.COLUMN_NAME_INVALID', 'CATALOGUE.COLUMN_EXISTS'],
  })
  @Post('columns')
  create(@Ctx() context: RequestContext, @Param('agencyId', uuid) agencyId: string, @Body() dto: CreateColumnDto): Promise<ColumnView> {
    return this.services.send(DRAFTING_RPC.columnCreate, context, { agencyId, ...dto });
  }

  @ApiRoute({
    summary: '修改栏目',
    description: '本单位系统管理员重命名栏目，或停用（retired: true）、恢复（retired: false）栏目。停用的栏目中已发布的内容不受影响，新的草稿不能再选择它；年报栏目不能停用。',
    answer: { json: { ...COLUMN, retired: true, retiredAt: '2026-12-06T09:30:00.000Z' } },
    errors: [...ADMIN_ERRORS, 'CATALOGUE.COLUMN_NOT_FOUND', 'CATALOGUE.COLUMN_NAME_INVALID', 'CATALOGUE.COLUMN_EXISTS', 'CATALOGUE.COLUMN_RESERVED'],
  })
  @Patch('columns/:code')
  update(@Ctx() context: RequestContext, @Param('agencyId', uuid) agencyId: string, @Param('code') code: string, @Body() dto: UpdateColumnDto): Promise<ColumnView> {
    return this.services.send(DRAFTING_RPC.columnUpdate, context, { agencyId, code, ...dto });
  }

  @ApiRoute({
    summary: '调整栏目顺序',
    description: '本单位系统管理员按给定顺序排列全部栏目（须列出本单位的每个栏目各一次），门户和起草页按此顺序显示。',
    answer: { json: COLUMNS },
    errors: [...ADMIN_ERRORS, 'CATALOGUE.ORDER_INVALID'],
  })
  @Put('columns/order')
  reorder(@Ctx() context: RequestContext, @Param('agencyId', uuid) agencyId: string, @Body() dto: ReorderColumnsDto): Promise<ColumnListView> {
    return this.services.send(DRAFTING_RPC.columnReorder, context, { agencyId, ...dto });
  }

  @ApiRoute({
    summary: '公开目录设置',
    description: '本单位的政府信息公开目录设置：索引号中的机构代码、索引号格式、主题分类列表和公开方式，附下一个索引号的示例。本单位所有用户可查看。',
    answer: { json: SETTINGS },
    errors: ['CATALOGUE.AGENCY_NOT_FOUND'],
  })
  @Get('catalogue-settings')
  settings(@Ctx() context: RequestContext, @Param('agencyId', uuid) agencyId: string): Promise<CatalogueSettingsView> {
    return this.services.send(DRAFTING_RPC.catalogueSettings, context, { agencyId });
  }

  @ApiRoute({
    summary: '修改公开目录设置',
    description: '本单位系统管理员设置索引号中的机构代码、索引号格式（须含 {year} 与 {serial}）和主题分类列表。已生成的索引号不变，新格式用于此后首次发布的文档。',
    answer: { json: SETTINGS },
    errors: [...ADMIN_ERRORS, 'CATALOGUE.SETTINGS_INVALID'],
  })
  @Put('catalogue-settings')
  updateSettings(@Ctx() context: RequestContext, @Param('agencyId', uuid) agencyId: string, @Body() dto: CatalogueSettingsDto): Promise<CatalogueSettingsView> {
    return this.services.send(DRAFTING_RPC.catalogueUpdate, context, { agencyId, ...dto });
  }
}
