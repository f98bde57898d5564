import * as argon2 from 'argon2';

/** argon2id with OWASP's recommended minimum cost. */
export const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
