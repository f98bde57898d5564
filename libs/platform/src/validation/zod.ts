import { ArgumentMetadata, PipeTransform, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z, ZodType } from 'zod';
import { reasonZh } from '@smedx/contracts';
import { InvalidInputError } from '../errors/domain-error.js';

/** Validates and strips unknown fields with a zod schema; 400 names the field and the reason. */
export class ZodPipe<T extends ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown, metadata?: ArgumentMetadata): z.infer<T> {
    // A single parameter (`@Param('id', pipe)`) is named by its key; a whole body or query by its paths.
    return parseOrThrow(this.schema, metadata?.data ? value : (value ?? {}), metadata?.data ?? `(${metadata?.type ?? 'body'})`);
  }
}

export function parseOrThrow<T extends ZodType>(schema: T, value: unknown, rootName = '(body)'): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError(
    result.error.issues.map((issue) => ({
      field: issue.path.length ? issue.path.join('.') : rootName,
      reason: issue.message,
      reasonZh: issueReasonZh(issue),
    })),
  );
}

/**
 * A zod issue's reason in Chinese: a refinement may carry its own (`params.reasonZh`, as the
 * USCC check does), the reasons the DTOs write are read from their text, the rest by kind.
 */
function issueReasonZh(issue: z.core.$ZodIssue): string {
  const own = issue.code === 'custom' ? (issue.params as { reasonZh?: unknown } | undefined)?.reasonZh : undefined;
  if (typeof own === 'string') return own;
  const known = reasonZh({ reason: issue.message });
  if (!known.startsWith('填写有误')) return known;
  switch (issue.code) {
    case 'invalid_type':
      return '类型不正确';
    case 'too_small':
      return issue.origin === 'string' ? `长度不能少于 ${String(issue.minimum)}` : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `长度不能超过 ${String(issue.maximum)}` : `不能大于 ${String(issue.maximum)}`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '取值无效';
    case 'unrecognized_keys':
      return '含有无法识别的字段';
    default:
      return known;
  }
}

/** OpenAPI schema for a zod schema (zod 4 writes JSON Schema itself). */
export function openApiSchema(schema: ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** Documents a request body with its zod schema. */
export function ApiZodBody(schema: ZodType): MethodDecorator {
  return applyDecorators(ApiBody({ schema: openApiSchema(schema) as never }));
}

/** Documents every property of a zod object schema as a query parameter. */
export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  const json = openApiSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, prop]) =>
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: prop as never }),
    ),
  );
}
