import { ArgumentMetadata, PipeTransform, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z, ZodType } from 'zod';
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
    })),
  );
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
