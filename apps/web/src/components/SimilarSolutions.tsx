import { Empty, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Solution } from '../api';
import { usePreloaded, useSkipFirstLoad } from '../preload';
import { searchSolutions } from '../search';
import type { SearchOutcome, SolutionResult } from '../search';
import { SolutionCard } from './SolutionCard';

/** Solutions for the same scenarios from other providers (the search engine's own ranking), at most 3. */
export function SimilarSolutions({ solution }: { solution: Solution }) {
  const query = useMemo(() => ({ scenario: solution.scenarios.join(','), sort: 'relevance', page: 1, pageSize: 10 }), [solution.scenarios]);
  const others = useMemo(
    () => (hits: SolutionResult[]) => hits.filter((h) => h.id !== solution.id && h.providerId !== solution.providerId).slice(0, 3),
    [solution.id, solution.providerId],
  );
  // Rendered on the server (the portal), the similar solutions come with the HTML.
  const preloaded = usePreloaded<SearchOutcome<SolutionResult>>('/search/solutions', query);
  const [items, setItems] = useState<SolutionResult[] | null>(preloaded?.status === 200 ? others(preloaded.body.hits) : null);
  const skip = useSkipFirstLoad(items !== null);
  useEffect(() => {
    if (skip()) return;
    let live = true;
    searchSolutions(query).then(
      (r) => live && setItems(others(r.hits)),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [query, others, skip]);
  if (items === null) return null;
  return (
    <section style={{ marginTop: 24 }} data-testid="similar-solutions" aria-labelledby="similar-title">
      <Typography.Title level={2} id="similar-title" style={{ fontSize: 18 }}>
        相似方案
      </Typography.Title>
      {items.length ? (
        // A CSS grid: antd's List grid picks its columns in JavaScript, which a server-rendered page cannot.
        <div className="hit-grid similar" role="list">
          {items.map((hit) => (
            <div role="listitem" key={hit.id}>
              <SolutionCard hit={hit} />
            </div>
          ))}
        </div>
      ) : (
        <Empty description="暂无同场景的其他方案" />
      )}
    </section>
  );
}
