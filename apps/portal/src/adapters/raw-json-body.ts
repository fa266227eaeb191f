import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { PORTAL_CONFIG } from '../config/portal.config.js';
import type { PortalConfig } from '../config/portal.config.js';

/**
 * The push signature covers the exact bytes sent, so JSON bodies reach the handlers unparsed, as a
 * Buffer: the use case checks the signature first and parses only what is authentic. (The portal's
 * only JSON routes are the signed ones.) An attachment's bytes (`application/octet-stream`, the
 * signed PUT /api/attachments/<sha256>) arrive the same way, up to ATTACHMENT_MAX_BYTES. Runs during
 * init, before Fastify is ready.
 */
@Injectable()
export class RawJsonBody implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(PORTAL_CONFIG) private readonly config: PortalConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('application/json')) fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    fastify.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: this.config.attachmentMaxBytes }, (_request, body, done) => done(null, body));
  }
}
