import { AUDIT_ENTITIES } from '@smedx/audit';
import { BIDDING_ENTITIES } from '@smedx/bidding';
import { CATALOGUE_ENTITIES } from '@smedx/catalogue';
import { DEMAND_ENTITIES } from '@smedx/demand';
import { DIRECTORY_ENTITIES } from '@smedx/directory';
import { IDENTITY_ENTITIES } from '@smedx/identity';
import { NOTIFICATIONS_ENTITIES } from '@smedx/notifications';
import { JobSchedule, OutboxMessage } from '@smedx/platform';
import { PROJECTS_ENTITIES } from '@smedx/projects';

/** Every entity of every context: the schema the migrations build. */
export const ENTITIES = [
  OutboxMessage,
  JobSchedule,
  ...IDENTITY_ENTITIES,
  ...AUDIT_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...CATALOGUE_ENTITIES,
  ...DEMAND_ENTITIES,
  ...BIDDING_ENTITIES,
  ...PROJECTS_ENTITIES,
];
