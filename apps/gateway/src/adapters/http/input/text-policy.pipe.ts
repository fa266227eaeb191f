import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { checkText, DomainError, TEXT_VIOLATION_LABELS } from '@sanshen/kernel';
import type { TextMode, TextViolation } from '@sanshen/kernel';
import { multiLineFields } from './multi-line.js';
import type { MultiLineSpec } from './multi-line.js';

/** A DTO class is one with its own constructor; `Object`, `String`, `Number`… carry no field metadata. */
const PLAIN_TYPES = new Set<unknown>([Object, String, Number, Boolean, Array, undefined]);

/**
 * The input policy at the edge (issue #11): every string of every body, query and path parameter —
 * and every object key — is checked before validation: a refused character is 422
 * `REQUEST.TEXT_INVALID` naming the field, the violation and where; accepted text goes on in NFC.
 * Strings are single-line unless the DTO marks the property `@MultiLine()`; a body without a DTO
 * (a CSV upload) is multi-line text, whose use case checks the fields it holds.
 */
@Injectable()
export class TextPolicyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const dto = PLAIN_TYPES.has(metadata.metatype) ? null : metadata.metatype;
    const path = metadata.type === 'body' ? '' : (metadata.data ?? '');
    if (dto === null) return policeValue(value, path, metadata.type === 'body' ? 'multi' : 'single');
    return policeDto(value, path, dto);
  }
}

function policeDto(value: unknown, path: string, dto: unknown): unknown {
  if (!isPlainObject(value)) return policeValue(value, path, 'single');
  const fields = multiLineFields(dto);
  for (const key of Object.keys(value)) {
    const field = join(path, key);
    policeKey(key, field);
    value[key] = policeSpec(value[key], field, fields[key]);
  }
  return value;
}

function policeSpec(value: unknown, path: string, spec: MultiLineSpec | undefined): unknown {
  if (spec === undefined) return policeValue(value, path, 'single');
  if (spec === 'all') return policeValue(value, path, 'multi');
  if (!isPlainObject(value)) return policeValue(value, path, 'single');
  for (const key of Object.keys(value)) {
    const field = join(path, key);
    policeKey(key, field);
    value[key] = policeValue(value[key], field, spec.keys.includes(key) ? 'multi' : 'single');
  }
  return value;
}

/** Every string below `value` in `mode` (keys are always single-line); NFC in place. */
export function policeValue(value: unknown, path: string, mode: TextMode): unknown {
  if (typeof value === 'string') {
    const checked = checkText(value, mode);
    if (!checked.ok) throw textInvalid(path, checked.error);
    return checked.value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = policeValue(value[i], join(path, String(i)), mode);
    return value;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const field = join(path, key);
      policeKey(key, field);
      value[key] = policeValue(value[key], field, mode);
    }
  }
  return value;
}

function policeKey(key: string, field: string): void {
  const checked = checkText(key, 'single');
  if (!checked.ok) throw textInvalid(field, checked.error);
}

export function textInvalid(field: string, violation: TextViolation): DomainError {
  const name = field === '' ? '请求内容' : `字段“${field}”`;
  return new DomainError(
    'REQUEST.TEXT_INVALID',
    { field, violation: violation.kind, index: violation.index, codePoint: violation.codePoint },
    `${name}含有不允许的${TEXT_VIOLATION_LABELS[violation.kind]}（${violation.codePoint}，第 ${violation.index + 1} 个字符）`,
  );
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
