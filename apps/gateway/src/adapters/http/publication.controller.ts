import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PUBLICATION_RPC } from '@sanshen/contracts';
import type { PublicationView } from '@sanshen/contracts';
import { DocumentRoute } from '../auth/document-visible.guard.js';
import { Ctx } from '../auth/request-context.js';
import type { RequestContext } from '../auth/request-context.js';
import { ServiceCalls } from './service-calls.js';

@ApiTags('publication')
@ApiBearerAuth()
@Controller('api/v1/documents/:id/publication')
@DocumentRoute()
export class PublicationController {
  constructor(private readonly services: ServiceCalls) {}

  @Get()
  get(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<PublicationView> {
    return this.services.send(PUBLICATION_RPC.get, context, { documentId: id });
  }

  @Post('retry')
  @HttpCode(200)
  retry(@Ctx() context: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<PublicationView> {
    return this.services.send(PUBLICATION_RPC.retry, context, { documentId: id });
  }
}
