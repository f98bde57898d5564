import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Drawer, Empty, Grid, Pagination, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';

/**
 * A search page's frame (the catalogue, the need hall): the filters in a column beside the results
 * on wide screens; on a phone behind a 筛选 button (with the number of filters on) in a bottom
 * drawer, so the first result is in view at once.
 */
export function SearchLayout({
  filters,
  activeFilters,
  toolbar,
  children,
}: {
  filters: ReactNode;
  activeFilters: number;
  toolbar: ReactNode;
  children: ReactNode;
}) {
  // Unknown (undefined) when rendered on the server and while hydrating: the filters' column and the
  // phone's 筛选 button are both in the HTML, and CSS shows the one for the screen (styles.css).
  const md = Grid.useBreakpoint().md;
  const phone = md === false;
  const [open, setOpen] = useState(false);
  return (
    <Row gutter={16}>
      {!phone && (
        <Col md={7} xl={6} className="wide-only">
          <Card title="筛选" size="small">
            {filters}
          </Card>
        </Col>
      )}
      <Col xs={24} md={17} xl={18} style={{ minWidth: 0 }}>
        {/* Each item at most the row's width: the search box's own max-width then holds on a phone. */}
        <Space style={{ width: '100%', marginBottom: 16 }} styles={{ item: { maxWidth: '100%' } }} wrap>
          {toolbar}
          {md !== true && (
            <Badge count={activeFilters} size="small" className="phone-only">
              <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} data-testid="filters-button">
                筛选
              </Button>
            </Badge>
          )}
        </Space>
        {phone && (
          <Drawer title="筛选" placement="bottom" height="80%" open={open} onClose={() => setOpen(false)} data-testid="filters-drawer">
            {filters}
          </Drawer>
        )}
        {children}
      </Col>
    </Row>
  );
}

/**
 * A search page's results: the cards in a CSS grid (not antd's List grid, which picks its columns in
 * JavaScript from the screen's width — unknown to a page rendered on the server), a spinner over them
 * while the next page loads, a notice when nothing matches, and the pages below.
 */
export function SearchResults<T extends { id: string }>({
  result,
  loading,
  empty,
  pageSize,
  page,
  onPage,
  renderItem,
}: {
  result: { hits: T[]; total: number } | null;
  loading: boolean;
  /** What is said when nothing matches. */
  empty: string;
  pageSize: number;
  page: number;
  onPage: (page: number) => void;
  renderItem: (hit: T) => ReactNode;
}) {
  return (
    <>
      <Spin spinning={loading}>
        {result && !result.hits.length ? (
          <Empty description={empty} />
        ) : (
          <div className="hit-grid" role="list">
            {(result?.hits ?? []).map((hit) => (
              <div role="listitem" key={hit.id}>
                {renderItem(hit)}
              </div>
            ))}
          </div>
        )}
      </Spin>
      {result && result.total > pageSize && (
        <Pagination
          style={{ marginTop: 16, textAlign: 'right' }}
          current={page}
          pageSize={pageSize}
          total={result.total}
          showSizeChanger={false}
          onChange={onPage}
        />
      )}
    </>
  );
}

/** How many of `keys` are set in the URL's parameters: the badge on the phone's 筛选 button. */
export function countActive(params: URLSearchParams, keys: readonly string[]): number {
  return keys.filter((key) => !!params.get(key)).length;
}
