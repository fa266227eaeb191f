import { Injectable, UseGuards, applyDecorators } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { DRAFTING_RPC } from '@sanshen/contracts';
import type { DocumentAccessView, GetDocumentRequest } from '@sanshen/contracts';
import { ServiceClient } from '@sanshen/platform/rpc';
import { correlationIdOf } from './request-context.js';
import type { AuthenticatedRequest } from './request-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Before a document's request goes to the service that owns that part of it (review, secrecy,
 * publication), drafting — which owns the document and its visibility policy — is asked whether the
 * caller may read it; if not, the answer is 404 DOCUMENT.NOT_FOUND, the same as for a document that
 * does not exist, and nothing else happens. A malformed id is left to the route's validation (400).
 */
@Injectable()
export class DocumentVisibleGuard implements CanActivate {
  constructor(private readonly client: ServiceClient) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { params?: Record<string, string> }>();
    const documentId = request.params?.id;
    if (request.sanshen === undefined || typeof documentId !== 'string' || !UUID.test(documentId)) return true;
    await this.client.send<DocumentAccessView, GetDocumentRequest>(DRAFTING_RPC.access, {
      actor: request.sanshen.actor,
      correlationId: correlationIdOf(request),
      payload: { documentId },
    });
    return true;
  }
}

/** Marks a route (or controller) on `:id` as a document's: invisible documents are 404 before any work. */
export const DocumentRoute = (): MethodDecorator & ClassDecorator => applyDecorators(UseGuards(DocumentVisibleGuard));
