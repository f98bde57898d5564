import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatFenRange } from '../format';
import { LEVEL_NAMES, PROVIDER_KIND_NAMES } from '../labels';
import type { SolutionResult } from '../search';
import { useTaxonomy } from '../taxonomy';
import { CodeTags } from './CodeTags';
import { Highlight } from './Highlight';

/** One solution in a list (the catalogue's search results, the portal's home): title, provider, summary, scenarios, price, days. */
export function SolutionCard({ hit }: { hit: SolutionResult }) {
  const taxonomy = useTaxonomy();
  return (
    <Card
      className="hit-card"
      data-testid="solution-card"
      size="small"
      title={
        <Link to={`/solutions/${hit.id}`}>
          <Highlight hit={hit} field="title" text={hit.title} />
        </Link>
      }
      extra={hit.providerKind && <Tag>{PROVIDER_KIND_NAMES[hit.providerKind] ?? hit.providerKind}</Tag>}
    >
      {/* Clamped by CSS, not antd's `ellipsis`: that one measures each card's text in JavaScript, a forced
          layout per card, seconds of main-thread work on a phone for a page of results. */}
      <Typography.Paragraph type="secondary" className="clamp-1" style={{ marginBottom: 8 }}>
        {hit.providerName}
      </Typography.Paragraph>
      <Typography.Paragraph className="clamp-3">
        <Highlight hit={hit} field="summary" text={hit.summary} />
      </Typography.Paragraph>
      <div>
        <CodeTags list="scenarios" codes={hit.scenarios} color="geekblue" max={3} />
        <CodeTags list="industries" codes={hit.industries} color="blue" max={2} />
      </div>
      <Space split="·" wrap style={{ marginTop: 8 }}>
        {hit.priceMinFen !== undefined && hit.priceMaxFen !== undefined && (
          <Typography.Text strong style={{ color: '#cf1322' }}>
            {formatFenRange(hit.priceMinFen, hit.priceMaxFen)}
          </Typography.Text>
        )}
        {hit.deployDays !== undefined && <span>{hit.deployDays} 天上线</span>}
        {hit.deliveryMode && <span>{taxonomy.name('deliveryModes', hit.deliveryMode)}</span>}
        {hit.levels?.length ? <span>适用 {hit.levels.map((l) => LEVEL_NAMES[l] ?? l).join('、')}</span> : null}
      </Space>
    </Card>
  );
}
