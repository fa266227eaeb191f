import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AUDIT_RPC } from '@sanshen/contracts';
import type { AuditExportReply, AuditTimelineReply, AuditVerifyReply, RpcRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { RpcPattern, requireActor } from '@sanshen/platform/rpc';
import { z } from 'zod';
import { ExportLedgerUseCase } from '../use-cases/export-ledger/export-ledger.use-case.js';
import { GetTimelineUseCase } from '../use-cases/get-timeline/get-timeline.use-case.js';
import { VerifyChainUseCase } from '../use-cases/verify-chain/verify-chain.use-case.js';

const timelineRequest = z.strictObject({ documentId: z.uuid() });
const verifyRequest = z.strictObject({ documentId: z.uuid().optional() });
const exportRequest = z.strictObject({ from: z.string().max(40), to: z.string().max(40) });

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    throw new DomainError('REQUEST.INVALID', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}

/** `audit.timeline.get`, `audit.chain.verify` and `audit.ledger.export` over NATS request-reply (the gateway calls them). */
@Controller()
export class AuditRpcController {
  constructor(
    @Inject(GetTimelineUseCase) private readonly getTimeline: GetTimelineUseCase,
    @Inject(VerifyChainUseCase) private readonly verifyChain: VerifyChainUseCase,
    @Inject(ExportLedgerUseCase) private readonly exportLedger: ExportLedgerUseCase,
  ) {}

  @RpcPattern(AUDIT_RPC.timeline)
  timeline(@Payload() request: RpcRequest<unknown>): Promise<AuditTimelineReply> {
    return this.getTimeline.execute(requireActor(request), parse(timelineRequest, request.payload));
  }

  @RpcPattern(AUDIT_RPC.verify)
  verify(@Payload() request: RpcRequest<unknown>): Promise<AuditVerifyReply> {
    return this.verifyChain.execute(requireActor(request), parse(verifyRequest, request.payload));
  }

  @RpcPattern(AUDIT_RPC.export)
  export(@Payload() request: RpcRequest<unknown>): Promise<AuditExportReply> {
    return this.exportLedger.execute(requireActor(request), parse(exportRequest, request.payload));
  }
}
