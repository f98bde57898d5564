import { AUDIT_ENTITIES } from '@smedx/audit';
import { IDENTITY_ENTITIES } from '@smedx/identity';
import { OutboxMessage } from '@smedx/platform';

/** Every entity of every context: the schema the migrations build. */
export const ENTITIES = [OutboxMessage, ...IDENTITY_ENTITIES, ...AUDIT_ENTITIES];
