import { Injectable, UseGuards, applyDecorators } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { DocumentAccessView, GetDocumentRequest } from '@sanshen/contracts';
import { DomainError } from '@sanshen/kernel';
import { ServiceClient } from '@sanshen/platform/rpc';
import { canReadDocument } from '@sanshen/workflow';
import { ClearedDocuments } from './cleared-documents.js';
import { correlationIdOf } from './request-context.js';
import type { AuthenticatedRequest } from './request-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Before a document's request goes to the service that owns that part of it (review, secrecy,
 * publication), drafting — which owns the document and its visibility policy — is asked whether the
 * caller may read it; if not, the answer is 404 DOCUMENT.NOT_FOUND, the same as for a document that
 * does not exist, and nothing else happens. A malformed id is left to the route's validation (400).
 * Once drafting has answered for a cleared document, whose read facts never change again, the gateway
 * applies the same policy to those facts itself (ClearedDocuments): the same answer, without the request.
 */
@Injectable()
export class DocumentVisibleGuard implements CanActivate {
  constructor(
    private readonly client: ServiceClient,
    private readonly cleared: ClearedDocuments,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { params?: Record<string, string> }>();
    const documentId = request.params?.id;
    if (request.sanshen === undefined || typeof documentId !== 'string' || !UUID.test(documentId)) return true;
    const { actor } = request.sanshen;
    const known = this.cleared.factsOf(documentId);
    if (known !== undefined) {
      if (!canReadDocument(actor, known, new Date())) throw new DomainError('DOCUMENT.NOT_FOUND');
      return true;
    }
    const access = await this.client.send<DocumentAccessView, GetDocumentRequest>(DRAFTING_RPC.access, {
      actor,
      correlationId: correlationIdOf(request),
      payload: { documentId },
    });
    this.cleared.remember(access);
    return true;
  }
}

/** Marks a route (or controller) on `:id` as a document's: invisible documents are 404 before any work. */
export const DocumentRoute = (): MethodDecorator & ClassDecorator => applyDecorators(UseGuards(DocumentVisibleGuard));
