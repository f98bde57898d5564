import { Empty, List, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Match } from '../api';
import { MATCH_FACTORS } from '../labels';

/** Scores and factor contributions are in [0, 1] (a contribution is weight × fit); shown as points out of 100. */
function points(value: number): number {
  return Math.round(value * 1000) / 10;
}

const FACTOR_ORDER = Object.keys(MATCH_FACTORS);
const order = (factor: string) => (FACTOR_ORDER.includes(factor) ? FACTOR_ORDER.indexOf(factor) : FACTOR_ORDER.length);

/** One bar split by what each factor contributed to the score, with a legend in points. */
function Breakdown({ breakdown }: { breakdown: Match['breakdown'] }) {
  const parts = Object.entries(breakdown)
    .filter(([, value]) => value > 0)
    .map(([factor, value]) => ({ factor, value: points(value), ...(MATCH_FACTORS[factor] ?? { name: factor, color: '#8c8c8c' }) }))
    // The same factor order on every match, so the colours line up down the list.
    .sort((a, b) => order(a.factor) - order(b.factor));
  return (
    <>
      <div style={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden', background: '#f0f0f0', maxWidth: 520 }}>
        {parts.map((p) => (
          <Tooltip key={p.factor} title={`${p.name} ${p.value} 分`}>
            <div style={{ width: `${p.value}%`, background: p.color }} />
          </Tooltip>
        ))}
      </div>
      <Space wrap size={[12, 4]}>
        {parts.map((p) => (
          <Typography.Text key={p.factor} type="secondary" style={{ fontSize: 12 }}>
            <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 2, background: p.color, marginRight: 4 }} />
            {p.name} {p.value}
          </Typography.Text>
        ))}
      </Space>
    </>
  );
}

/** Ranked matches: the score bar, what each factor contributed, and the reasons in plain Chinese. */
export function MatchList({ items, linkBase, action }: { items: Match[]; linkBase: string; action?: (m: Match) => ReactNode }) {
  if (!items.length) return <Empty description="暂无匹配结果" />;
  return (
    <List
      itemLayout="vertical"
      dataSource={items}
      renderItem={(m, index) => (
        <List.Item key={m.id} data-testid="match-item">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Tag color={index < 3 ? 'gold' : 'default'}>#{index + 1}</Tag>
              <Link to={`${linkBase}/${m.id}`}>{m.title}</Link>
              <Typography.Text type="secondary">{'providerName' in m ? m.providerName : m.enterpriseName}</Typography.Text>
              {action?.(m)}
            </Space>
            <Progress percent={points(m.score)} format={(p) => `${p} 分`} style={{ maxWidth: 520 }} />
            <Breakdown breakdown={m.breakdown} />
            {m.reasons.length ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {m.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
