import { AUDIT_ENTITIES } from '@smedx/audit';
import { SEARCH_ENTITIES } from '@smedx/search';
import { AWARDS_ENTITIES } from '@smedx/awards';
import { BIDDING_ENTITIES } from '@smedx/bidding';
import { CATALOGUE_ENTITIES } from '@smedx/catalogue';
import { CHAINS_ENTITIES } from '@smedx/chains';
import { DEMAND_ENTITIES } from '@smedx/demand';
import { DIAGNOSIS_ENTITIES } from '@smedx/diagnosis';
import { DIRECTORY_ENTITIES } from '@smedx/directory';
import { DOCUMENTS_ENTITIES } from '@smedx/documents';
import { EVENTS_ENTITIES } from '@smedx/events';
import { FEES_ENTITIES } from '@smedx/fees';
import { IDENTITY_ENTITIES } from '@smedx/identity';
import { MATCHING_ENTITIES } from '@smedx/matching';
import { NOTIFICATIONS_ENTITIES } from '@smedx/notifications';
import { JobSchedule, OutboxMessage } from '@smedx/platform';
import { PROJECTS_ENTITIES } from '@smedx/projects';
import { RATINGS_ENTITIES } from '@smedx/ratings';
import { SUBSIDY_ENTITIES } from '@smedx/subsidy';

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
  ...MATCHING_ENTITIES,
  ...BIDDING_ENTITIES,
  ...PROJECTS_ENTITIES,
  ...SUBSIDY_ENTITIES,
  ...EVENTS_ENTITIES,
  ...CHAINS_ENTITIES,
  ...DIAGNOSIS_ENTITIES,
  ...SEARCH_ENTITIES,
  ...AWARDS_ENTITIES,
  ...RATINGS_ENTITIES,
  ...FEES_ENTITIES,
  ...DOCUMENTS_ENTITIES,
];
