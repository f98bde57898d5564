/** The domain errors live in `@smedx/contracts`, where the web UI reads the same codes. */
export * from '@smedx/contracts';
