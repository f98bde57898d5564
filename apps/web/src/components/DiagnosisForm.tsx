import { Button, Card, Checkbox, Collapse, Form, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { diagnosisBody, exclusiveSelection, questionsOf } from '../diagnosis';
import type { Diagnosis, DiagnosisQuestion, Questionnaire } from '../diagnosis';
import { showError, showSuccess } from './feedback';
import { fieldProblems } from '../api';

/** A multiple-choice question's checkboxes, keeping A 无 exclusive. */
function MultipleChoice({
  question,
  value,
  onChange,
}: {
  question: DiagnosisQuestion;
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  return (
    <Checkbox.Group
      value={value ?? []}
      onChange={(next) => onChange?.(exclusiveSelection(question, value ?? [], next as string[]))}
      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
    >
      {question.options.map((o) => (
        <Checkbox key={o.key} value={o.key}>
          {o.key}. {o.text}
        </Checkbox>
      ))}
    </Checkbox.Group>
  );
}

interface FormValues {
  answers: Record<string, string | string[]>;
  sceneLevels: Record<string, number | undefined>;
}

/** The MIIT questionnaire as a form; files a self-check or an assessment for one enterprise. */
export function DiagnosisForm({
  questionnaire,
  enterpriseId,
  kind,
  onFiled,
}: {
  questionnaire: Questionnaire;
  enterpriseId: string;
  kind: Diagnosis['kind'];
  onFiled: (d: Diagnosis) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: FormValues) => {
    setBusy(true);
    try {
      const filed = await api.post(
        '/enterprises/:id/diagnoses',
        { id: enterpriseId },
        diagnosisBody(kind, v.answers ?? {}, v.sceneLevels ?? {}),
      );
      showSuccess('诊断已提交');
      onFiled(filed);
    } catch (e) {
      const problems = fieldProblems(e);
      if (problems.length) {
        form.setFields(
          problems.map((p) => ({
            name: p.field.split('.') as ['answers', string],
            errors: [p.reason],
          })),
        );
      }
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<FormValues> form={form} name="diagnosis" layout="vertical" onFinish={submit} scrollToFirstError>
      {questionnaire.dimensions.map((d) => (
        <Card key={d.key} size="small" title={`${d.title}（${d.maxScore}分）`} style={{ marginBottom: 16 }}>
          {d.groups.flatMap((g) =>
            g.questions.map((q) => (
              <Form.Item
                key={q.key}
                name={['answers', q.key]}
                label={
                  <span>
                    <Typography.Text strong>
                      {q.indicator}（{q.maxScore}分，{q.type === 'single' ? '单选' : '多选'}）
                    </Typography.Text>{' '}
                    {q.title}
                  </span>
                }
                tooltip={q.description || undefined}
                rules={[{ required: true, message: '请作答' }]}
                data-testid={`question-${q.key}`}
              >
                {q.type === 'single' ? (
                  <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                    {q.options.map((o) => (
                      <Radio key={o.key} value={o.key}>
                        {o.key}. {o.text}
                      </Radio>
                    ))}
                  </Radio.Group>
                ) : (
                  <MultipleChoice question={q} />
                )}
              </Form.Item>
            )),
          )}
        </Card>
      ))}
      <Collapse
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'scenes',
            label: `业务场景水平（选填，共${questionnaire.scenes.length}个场景，不计分，用于识别薄弱环节）`,
            children: questionnaire.scenes.map((s) => (
              <Form.Item key={s.code} name={['sceneLevels', s.code]} label={`${s.group} · ${s.title}`}>
                <Select
                  allowClear
                  placeholder="未评"
                  style={{ maxWidth: 480 }}
                  options={s.levels.map((l) => ({ value: l.level, label: `${l.level}级：${l.description}` }))}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            )),
          },
        ]}
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {kind === 'assessment' ? '提交评估诊断' : '提交自评'}
        </Button>
        <Typography.Text type="secondary">共 {questionsOf(questionnaire).length} 题，均为必答</Typography.Text>
      </Space>
    </Form>
  );
}
