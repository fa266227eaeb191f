import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SECRECY_RPC } from '@sanshen/contracts';
import type { AddDictionaryEntryRequest, AddDictionaryExceptionRequest, AddLeaderRequest, DictionaryEntryView, DictionaryExceptionView, DictionaryPage, DictionaryVersionPage, DictionaryVersionView, LeaderView, ListDictionaryRequest, ListDictionaryVersionsRequest, RemoveDictionaryItemRequest, RpcRequest } from '@sanshen/contracts';
import { RpcPattern, requireActor } from '@sanshen/platform/rpc';
import { ChangeDictionaryUseCase } from '../use-cases/change-dictionary/change-dictionary.use-case.js';
import { ListDictionaryUseCase } from '../use-cases/list-dictionary/list-dictionary.use-case.js';

@Controller()
export class DictionaryRpcController {
  constructor(
    private readonly list: ListDictionaryUseCase,
    private readonly change: ChangeDictionaryUseCase,
  ) {}

  @RpcPattern(SECRECY_RPC.listEntries)
  listEntries(@Payload() request: RpcRequest<ListDictionaryRequest>): Promise<DictionaryPage<DictionaryEntryView>> {
    return this.list.entries(requireActor(request), request.payload);
  }

  @RpcPattern(SECRECY_RPC.addEntry)
  addEntry(@Payload() request: RpcRequest<AddDictionaryEntryRequest>): Promise<DictionaryEntryView & { version: number }> {
    return this.change.addEntry(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(SECRECY_RPC.removeEntry)
  removeEntry(@Payload() request: RpcRequest<RemoveDictionaryItemRequest>): Promise<DictionaryVersionView> {
    return this.change.remove(requireActor(request), 'dictionary_entries', request.payload, request.correlationId);
  }

  @RpcPattern(SECRECY_RPC.listExceptions)
  listExceptions(@Payload() request: RpcRequest<ListDictionaryRequest>): Promise<DictionaryPage<DictionaryExceptionView>> {
    return this.list.exceptions(requireActor(request), request.payload);
  }

  @RpcPattern(SECRECY_RPC.addException)
  addException(@Payload() request: RpcRequest<AddDictionaryExceptionRequest>): Promise<DictionaryExceptionView & { version: number }> {
    return this.change.addException(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(SECRECY_RPC.removeException)
  removeException(@Payload() request: RpcRequest<RemoveDictionaryItemRequest>): Promise<DictionaryVersionView> {
    return this.change.remove(requireActor(request), 'dictionary_exceptions', request.payload, request.correlationId);
  }

  @RpcPattern(SECRECY_RPC.listLeaders)
  listLeaders(@Payload() request: RpcRequest<ListDictionaryRequest>): Promise<DictionaryPage<LeaderView>> {
    return this.list.leaders(requireActor(request), request.payload);
  }

  @RpcPattern(SECRECY_RPC.addLeader)
  addLeader(@Payload() request: RpcRequest<AddLeaderRequest>): Promise<LeaderView & { version: number }> {
    return this.change.addLeader(requireActor(request), request.payload, request.correlationId);
  }

  @RpcPattern(SECRECY_RPC.removeLeader)
  removeLeader(@Payload() request: RpcRequest<RemoveDictionaryItemRequest>): Promise<DictionaryVersionView> {
    return this.change.remove(requireActor(request), 'leaders', request.payload, request.correlationId);
  }

  @RpcPattern(SECRECY_RPC.listVersions)
  listVersions(@Payload() request: RpcRequest<ListDictionaryVersionsRequest>): Promise<DictionaryVersionPage> {
    return this.list.versions(requireActor(request), request.payload);
  }
}
