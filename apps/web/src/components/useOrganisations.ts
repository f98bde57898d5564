import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Enterprise, Provider } from '../api';
import { membershipsOf, useUser } from '../auth';
import { showError } from './feedback';

type Kind = 'enterprise' | 'provider';
type OrganisationOf<K extends Kind> = K extends 'enterprise' ? Enterprise : Provider;

/** The signed-in user's enterprises or providers, loaded from their memberships (a user has a handful at most). */
export function useOrganisations<K extends Kind>(kind: K): { items: OrganisationOf<K>[]; loading: boolean; reload: () => void } {
  const user = useUser();
  const ids = membershipsOf(user, kind)
    .map((m) => m.organisationId)
    .join(',');
  const [items, setItems] = useState<OrganisationOf<K>[]>([]);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    const load = (id: string): Promise<Enterprise | Provider> =>
      kind === 'enterprise' ? api.get('/enterprises/:id', { id }) : api.get('/providers/:id', { id });
    setLoading(true);
    Promise.all(ids ? ids.split(',').map(load) : [])
      // A member sees its own organisations in full; `load` answers the kind asked for.
      .then((found) => live && setItems(found as OrganisationOf<K>[]), showError)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [kind, ids, version]);

  return { items, loading, reload: () => setVersion((v) => v + 1) };
}
