import { Card, Empty, Grid, List, Table } from 'antd';
import type { TableColumnType, TableProps } from 'antd';
import type { Key, ReactNode } from 'react';

type Props<T> = TableProps<T> & { 'data-testid'?: string };

function cellOf<T>(column: TableColumnType<T>, record: T, index: number): ReactNode {
  const path = column.dataIndex;
  const keys = path === undefined || path === null ? [] : Array.isArray(path) ? path : [path];
  let value: unknown = keys.length ? record : undefined;
  for (const key of keys) value = value == null ? undefined : (value as Record<string | number, unknown>)[key as string | number];
  if (column.render) return column.render(value, record, index) as ReactNode;
  return value == null ? '' : (value as ReactNode);
}

function titleOf<T>(column: TableColumnType<T>): ReactNode {
  return typeof column.title === 'function' ? null : (column.title as ReactNode);
}

function keyOf<T>(rowKey: TableProps<T>['rowKey'], record: T, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(record, index) as Key;
  if (typeof rowKey === 'string') return (record as Record<string, Key>)[rowKey] ?? index;
  return (record as { key?: Key }).key ?? index;
}

/**
 * A table on wide screens, a list of cards on a phone (< 768 px): each row becomes a card whose
 * title is the first column and whose lines are the other columns' titles and cells, rendered by
 * the same `render` functions; an expandable row's content closes the card. Pagination, loading
 * and the empty text carry over. Drop-in for antd's `Table` where people read lists on phones.
 */
export function ResponsiveTable<T extends object>(props: Props<T>) {
  const phone = !Grid.useBreakpoint().md;
  if (!phone) return <Table<T> {...props} />;
  const { columns = [], dataSource = [], rowKey, loading, pagination, locale, rowClassName, expandable } = props;
  const visible = (columns as TableColumnType<T>[]).filter((c) => !c.hidden);
  const [head, ...rest] = visible;
  const listPagination =
    pagination === false || pagination === undefined
      ? undefined
      : {
          current: pagination.current,
          pageSize: pagination.pageSize,
          total: pagination.total,
          onChange: pagination.onChange,
          size: 'small' as const,
          simple: true,
          align: 'center' as const,
        };
  return (
    <List<T>
      className="card-table"
      data-testid={props['data-testid']}
      loading={typeof loading === 'boolean' ? loading : undefined}
      dataSource={[...dataSource]}
      pagination={listPagination}
      locale={{ emptyText: (locale?.emptyText as ReactNode) ?? <Empty /> }}
      rowKey={(record) => keyOf(rowKey, record, 0)}
      renderItem={(record, index) => {
        const className = typeof rowClassName === 'function' ? rowClassName(record, index, 0) : (rowClassName ?? '');
        return (
          <List.Item className={`card-table-row ${className}`}>
            <Card size="small" title={head ? cellOf(head, record, index) : undefined} style={{ width: '100%' }}>
              <dl className="card-table-fields">
                {rest.map((column, i) => {
                  const cell = cellOf(column, record, index);
                  if (cell === '' || cell === null || cell === undefined) return null;
                  return (
                    <div className="card-table-field" key={String(column.key ?? column.dataIndex ?? i)}>
                      <dt>{titleOf(column)}</dt>
                      <dd>{cell}</dd>
                    </div>
                  );
                })}
              </dl>
              {expandable?.expandedRowRender && (
                <div className="card-table-extra">{expandable.expandedRowRender(record, index, 0, true)}</div>
              )}
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
