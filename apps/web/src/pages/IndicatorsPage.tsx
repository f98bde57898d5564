import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Progress, Result, Row, Space, Spin, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api';
import { Chart } from '../components/Chart';
import { showError } from '../components/feedback';

interface Figure {
  key: string;
  name: string;
  value: number;
  target: number | null;
  unit: string;
}

type Json = Record<string, unknown>;

const pick = (o: Json, ...keys: string[]) => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null);

/**
 * The programme's figures against the plan's targets. Reads any list of
 * `{name|label|key, value|actual, target, unit}` the indicators route answers with.
 */
function toFigures(data: unknown): Figure[] {
  const root = (data ?? {}) as Json;
  const list = Array.isArray(data) ? data : (pick(root, 'indicators', 'items', 'targets', 'figures') as unknown[] | undefined);
  if (!Array.isArray(list)) return [];
  return list
    .filter((x): x is Json => typeof x === 'object' && x !== null)
    .map((x, i) => {
      const value = Number(pick(x, 'value', 'actual', 'current', 'count'));
      const target = pick(x, 'target', 'goal');
      return {
        key: String(pick(x, 'key', 'code', 'id') ?? i),
        name: String(pick(x, 'name', 'label', 'title', 'key', 'code') ?? `指标 ${i + 1}`),
        value,
        target: typeof target === 'number' ? target : null,
        unit: String(pick(x, 'unit') ?? ''),
      };
    })
    .filter((f) => Number.isFinite(f.value));
}

/** 指标体系: live programme indicators against the plan's targets, with the spreadsheet export. */
export default function IndicatorsPage() {
  const [data, setData] = useState<unknown>(undefined);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    api.get<unknown>('/indicators').then(setData, (e) => {
      setData(null);
      if (e instanceof ApiError && e.status === 404) setMissing(true);
      else showError(e);
    });
  }, []);
  const figures = useMemo(() => toFigures(data), [data]);

  const chart = useMemo<EChartsCoreOption | null>(() => {
    const withTargets = figures.filter((f) => f.target);
    if (!withTargets.length) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['完成', '目标'] },
      grid: { left: 48, right: 16, top: 40, bottom: 80 },
      xAxis: { type: 'category', data: withTargets.map((f) => f.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', name: '完成率 %', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10) },
      series: [
        { name: '完成', type: 'bar', data: withTargets.map((f) => Math.round((f.value / f.target!) * 100)), barMaxWidth: 36 },
        { name: '目标', type: 'bar', data: withTargets.map(() => 100), barMaxWidth: 36, itemStyle: { color: '#d9d9d9' } },
      ],
    };
  }, [figures]);

  if (data === undefined) return <Spin />;
  if (missing) return <Result status="info" title="指标体系即将开放" subTitle="试点城市各项指标的实时统计尚未上线。" />;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>
          指标体系
        </Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => api.download('/indicators/export.xlsx', 'smedx-indicators.xlsx').catch(showError)}
        >
          导出 Excel
        </Button>
      </Space>
      {figures.length ? (
        <Row gutter={[16, 16]}>
          {figures.map((f) => (
            <Col key={f.key} xs={24} sm={12} lg={8}>
              <Card size="small">
                <Statistic title={f.name} value={f.value} suffix={f.target ? `/ ${f.target}${f.unit}` : f.unit} />
                {f.target ? (
                  <Progress
                    percent={Math.min(100, Math.round((f.value / f.target) * 100))}
                    status={f.value >= f.target ? 'success' : 'active'}
                  />
                ) : null}
              </Card>
            </Col>
          ))}
          {chart && (
            <Col span={24}>
              <Card title="目标完成情况">
                <Chart option={chart} />
              </Card>
            </Col>
          )}
        </Row>
      ) : data ? (
        <Card>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(data, null, 2)}</pre>
        </Card>
      ) : (
        <Empty description="暂无指标数据" />
      )}
    </>
  );
}
