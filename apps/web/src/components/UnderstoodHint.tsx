import { Alert, Typography } from 'antd';
import type { SolutionSearchPage, Wire } from '@smedx/contracts';

/** What a search answer says it understood (`understood`, `notice`, `didYouMean`). */
export type Understanding = Pick<Wire<SolutionSearchPage>, 'understood' | 'notice' | 'didYouMean'>;

/**
 * "按'设备管理、预测性维护'为您查找": the words and scenarios the search
 * understood, the reason when nothing was searched, and a did-you-mean.
 */
export function UnderstoodHint({ result, onPick }: { result: Understanding | null; onPick: (q: string) => void }) {
  if (!result) return null;
  if (result.notice) return <Alert type="info" showIcon message={result.notice} style={{ marginBottom: 12 }} />;
  const u = result.understood;
  const words = [...(u?.scenarios.map((s) => s.name) ?? []), ...(u?.expanded.slice(0, 4) ?? [])];
  return (
    <div style={{ marginBottom: 12 }} data-testid="understood-hint">
      {u && u.terms.length > 0 && words.length > 0 && (
        <Typography.Text type="secondary">
          按“{[...u.terms, ...words].filter((w, i, all) => all.indexOf(w) === i).join('、')}”为您查找
        </Typography.Text>
      )}
      {result.didYouMean && (
        <div>
          <Typography.Text>您是不是要找：</Typography.Text>
          <Typography.Link onClick={() => onPick(result.didYouMean!)}>{result.didYouMean}</Typography.Link>
        </div>
      )}
    </div>
  );
}
