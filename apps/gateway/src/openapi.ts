import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { renderRouteDocs } from './adapters/http/openapi/route-docs.js';

/**
 * The API's OpenAPI document, from the controllers: request schemas from the zod DTOs (nestjs-zod),
 * summaries, answers and error codes from each route's `@ApiRoute`.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sanshen 三审 API')
      .setDescription(
        '政府信息发布三审、保密审查与发布系统 HTTP API (v1)。除登录与刷新外，每个接口都需要登录（Authorization: Bearer 访问令牌，或浏览器控制台的会话 Cookie 加 X-CSRF-Token）。' +
          '错误应答为 {code, message, details?, correlationId}，HTTP 状态由错误代码的类别决定；每个接口列出它可能返回的错误代码（x-error-codes）。',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  return renderRouteDocs(cleanupOpenApiDoc(document, { version: '3.0' }));
}

/** The OpenAPI document at /api/docs-json and its UI at /api/docs. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
