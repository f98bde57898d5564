import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import { formatFen } from '../format';
import { INVESTMENT_CATEGORY_NAMES, estimateAmounts, yuanToFen } from '../subsidy';
import type { InvestmentCategory, InvestmentLine } from '../subsidy';

export interface LineValues {
  category?: InvestmentCategory;
  amountYuan?: number;
  description?: string;
}

/** Form lines → the API's lines (元 → fen). */
export function linesToApi(lines: LineValues[] | undefined): InvestmentLine[] {
  return (lines ?? []).map((l) => ({
    category: l.category as InvestmentCategory,
    amountFen: yuanToFen(l.amountYuan ?? 0),
    description: l.description?.trim() ?? '',
  }));
}

/** API lines → form lines. */
export function linesFromApi(lines: InvestmentLine[]): LineValues[] {
  return lines.map((l) => ({ category: l.category, amountYuan: l.amountFen / 100, description: l.description }));
}

/** The investment lines (金额 in 元) of an application form, with the live estimate below them. */
export function SubsidyLines({ form }: { form: FormInstance }) {
  const lines = (Form.useWatch('lines', form) as LineValues[] | undefined) ?? [];
  const estimate = estimateAmounts(lines.map((l) => ({ category: l?.category, amountFen: yuanToFen(l?.amountYuan ?? 0) })));
  return (
    <>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap data-testid="subsidy-line">
                <Form.Item name={[field.name, 'category']} rules={[{ required: true, message: '请选择类别' }]}>
                  <Select
                    style={{ width: 260 }}
                    placeholder="投资类别"
                    options={Object.entries(INVESTMENT_CATEGORY_NAMES).map(([value, label]) => ({ value, label }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'amountYuan']} rules={[{ required: true, message: '请输入金额' }]}>
                  <InputNumber min={0.01} precision={2} placeholder="金额（元）" style={{ width: 180 }} addonAfter="元" />
                </Form.Item>
                <Form.Item name={[field.name, 'description']} rules={[{ required: true, whitespace: true, message: '请填写说明' }]}>
                  <Input placeholder="说明（如：MES软件许可）" style={{ width: 300 }} maxLength={500} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                添加投资明细
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Alert
        type="info"
        showIcon
        data-testid="subsidy-estimate"
        style={{ marginBottom: 16 }}
        message={`预估补贴：${formatFen(estimate.amountFen)}${estimate.capped ? '（已达50万元上限）' : ''}`}
        description={`总投资 ${formatFen(estimate.totalFen)}，其中软件、云服务、数据采集传输设备 ${formatFen(estimate.eligibleFen)} 计入补贴基数，按50%补助、最高50万元；以审核结果为准。`}
      />
    </>
  );
}
