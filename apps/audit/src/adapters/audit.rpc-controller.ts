import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AUDIT_RPC } from '@sanshen/contracts';
import type {
  AuditChainStatusReply,
  AuditExportReply,
  AuditTimelineReply,
  AuditVerificationRunReply,
  AuditVerifyReply,
  RpcRequest,
} from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { RpcPattern, requireActor } from '@sanshen/platform/rpc';
import { z } from 'zod';
import { ExportLedgerUseCase } from '../use-cases/export-ledger/export-ledger.use-case.js';
import { GetTimelineUseCase } from '../use-cases/get-timeline/get-timeline.use-case.js';
import { GetVerificationStatusUseCase } from '../use-cases/get-verification-status/get-verification-status.use-case.js';
import { RequestVerificationUseCase } from '../use-cases/request-verification/request-verification.use-case.js';
import { VerifyDocumentChainUseCase } from '../use-cases/verify-document-chain/verify-document-chain.use-case.js';

const timelineRequest = z.strictObject({ documentId: z.uuid() });
const verifyRequest = z.strictObject({ documentId: z.uuid() });
const nothing = z.strictObject({});
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

/**
 * `audit.timeline.get`, `audit.chain.verify` (one document), `audit.chain.status` and
 * `audit.chain.run` (the global chain's background verification) and `audit.ledger.export` over
 * NATS request-reply (the gateway calls them).
 */
@Controller()
export class AuditRpcController {
  constructor(
    @Inject(GetTimelineUseCase) private readonly getTimeline: GetTimelineUseCase,
    @Inject(VerifyDocumentChainUseCase) private readonly verifyDocumentChain: VerifyDocumentChainUseCase,
    @Inject(GetVerificationStatusUseCase) private readonly verificationStatus: GetVerificationStatusUseCase,
    @Inject(RequestVerificationUseCase) private readonly requestVerification: RequestVerificationUseCase,
    @Inject(ExportLedgerUseCase) private readonly exportLedger: ExportLedgerUseCase,
  ) {}

  @RpcPattern(AUDIT_RPC.timeline)
  timeline(@Payload() request: RpcRequest<unknown>): Promise<AuditTimelineReply> {
    return this.getTimeline.execute(requireActor(request), parse(timelineRequest, request.payload));
  }

  @RpcPattern(AUDIT_RPC.verify)
  verify(@Payload() request: RpcRequest<unknown>): Promise<AuditVerifyReply> {
    return this.verifyDocumentChain.execute(requireActor(request), parse(verifyRequest, request.payload));
  }

  @RpcPattern(AUDIT_RPC.status)
  status(@Payload() request: RpcRequest<unknown>): Promise<AuditChainStatusReply> {
    parse(nothing, request.payload);
    return this.verificationStatus.execute(requireActor(request));
  }

  @RpcPattern(AUDIT_RPC.run)
  run(@Payload() request: RpcRequest<unknown>): Promise<AuditVerificationRunReply> {
    parse(nothing, request.payload);
    return this.requestVerification.execute(requireActor(request));
  }

  @RpcPattern(AUDIT_RPC.export)
  export(@Payload() request: RpcRequest<unknown>): Promise<AuditExportReply> {
    return this.exportLedger.execute(requireActor(request), parse(exportRequest, request.payload));
  }
}
