import { Empty, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Solution } from '../api';
import { searchSolutions } from '../search';
import type { SolutionResult } from '../search';
import { SolutionCard } from './SolutionCard';

/** Solutions for the same scenarios from other providers (the search engine's own ranking), at most 3. */
export function SimilarSolutions({ solution }: { solution: Solution }) {
  const [items, setItems] = useState<SolutionResult[] | null>(null);
  useEffect(() => {
    let live = true;
    searchSolutions({ scenario: solution.scenarios.join(','), sort: 'relevance', page: 1, pageSize: 10 }).then(
      (r) => live && setItems(r.hits.filter((h) => h.id !== solution.id && h.providerId !== solution.providerId).slice(0, 3)),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [solution.id, solution.providerId, solution.scenarios]);
  if (items === null) return null;
  return (
    <section style={{ marginTop: 24 }} data-testid="similar-solutions" aria-labelledby="similar-title">
      <Typography.Title level={2} id="similar-title" style={{ fontSize: 18 }}>
        相似方案
      </Typography.Title>
      {items.length ? (
        <List
          grid={{ gutter: 16, xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
          dataSource={items}
          renderItem={(hit) => (
            <List.Item key={hit.id}>
              <SolutionCard hit={hit} />
            </List.Item>
          )}
        />
      ) : (
        <Empty description="暂无同场景的其他方案" />
      )}
    </section>
  );
}
