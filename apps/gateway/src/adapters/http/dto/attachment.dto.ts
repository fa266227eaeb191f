import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { id, queryVersion } from './fields.js';

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/, '须为 64 位小写十六进制 sha256').describe('附件内容的 sha256（十六进制）');

export class AttachmentParamsDto extends createZodDto(z.strictObject({ id: id().describe('文档 ID'), sha256: SHA256 })) {}

export class UploadAttachmentQueryDto extends createZodDto(z.strictObject({ version: queryVersion().describe('所依据的版本号') })) {}

export class AttachmentVersionQueryDto extends createZodDto(z.strictObject({ version: queryVersion().optional().describe('版本号（默认当前版本）') })) {}
