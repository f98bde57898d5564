import { z } from 'zod';
import { LEXICON_KINDS } from '@smedx/lexicon';

/** `POST /search/lexicon`: one entry; codes for `scenario` / `industry`, words otherwise, none for `stop`. */
export const LexiconEntrySchema = z
  .object({
    kind: z.enum(LEXICON_KINDS),
    term: z.string().trim().min(1).max(64),
    values: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  })
  .strict();
export type LexiconEntryInput = z.infer<typeof LexiconEntrySchema>;
