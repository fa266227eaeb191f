import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { AgencyCatalogueRequest, AssignCatalogueRequest, AssignedCatalogueView, CatalogueSettingsView, ColumnListView, ColumnView, CreateColumnRequest, ReorderColumnsRequest, RpcRequest, UpdateCatalogueSettingsRequest, UpdateColumnRequest } from '@sanshen/contracts';
import { RpcPattern, requireActor } from '@sanshen/platform/rpc';
import { AssignCatalogueEntryUseCase } from '../use-cases/assign-catalogue-entry/assign-catalogue-entry.use-case.js';
import { CreateColumnUseCase } from '../use-cases/create-column/create-column.use-case.js';
import { ListColumnsUseCase } from '../use-cases/list-columns/list-columns.use-case.js';
import { ReorderColumnsUseCase } from '../use-cases/reorder-columns/reorder-columns.use-case.js';
import { ShowCatalogueSettingsUseCase } from '../use-cases/show-catalogue-settings/show-catalogue-settings.use-case.js';
import { UpdateCatalogueSettingsUseCase } from '../use-cases/update-catalogue-settings/update-catalogue-settings.use-case.js';
import { UpdateColumnUseCase } from '../use-cases/update-column/update-column.use-case.js';

/** Managed columns (栏目) and the 政府信息公开目录 over NATS request-reply. */
@Controller()
export class CatalogueRpcController {
  constructor(
    private readonly listColumns: ListColumnsUseCase,
    private readonly createColumn: CreateColumnUseCase,
    private readonly updateColumn: UpdateColumnUseCase,
    private readonly reorderColumns: ReorderColumnsUseCase,
    private readonly showSettings: ShowCatalogueSettingsUseCase,
    private readonly updateSettings: UpdateCatalogueSettingsUseCase,
    private readonly assignEntry: AssignCatalogueEntryUseCase,
  ) {}

  @RpcPattern(DRAFTING_RPC.columnList)
  columns(@Payload() request: RpcRequest<AgencyCatalogueRequest>): Promise<ColumnListView> {
    return this.listColumns.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.columnCreate)
  create(@Payload() request: RpcRequest<CreateColumnRequest>): Promise<ColumnView> {
    return this.createColumn.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.columnUpdate)
  update(@Payload() request: RpcRequest<UpdateColumnRequest>): Promise<ColumnView> {
    return this.updateColumn.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.columnReorder)
  reorder(@Payload() request: RpcRequest<ReorderColumnsRequest>): Promise<ColumnListView> {
    return this.reorderColumns.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.catalogueSettings)
  settings(@Payload() request: RpcRequest<AgencyCatalogueRequest>): Promise<CatalogueSettingsView> {
    return this.showSettings.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.catalogueUpdate)
  updateCatalogue(@Payload() request: RpcRequest<UpdateCatalogueSettingsRequest>): Promise<CatalogueSettingsView> {
    return this.updateSettings.execute(requireActor(request), request.payload);
  }

  @RpcPattern(DRAFTING_RPC.catalogueAssign)
  assign(@Payload() request: RpcRequest<AssignCatalogueRequest>): Promise<AssignedCatalogueView> {
    return this.assignEntry.execute(requireActor(request), request.payload);
  }
}
