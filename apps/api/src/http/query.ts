import { z } from 'zod';

/** `page`/`pageSize` query parameters, shared by every list route. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const UuidParam = z.string().uuid('must be a UUID');
