import { BID_STATE_MACHINE } from '../states/bid-state.js';
import { JOINT_NEED_STATE_MACHINE } from '../states/chain-states.js';
import { EVENT_STATE_MACHINE, REGISTRATION_STATE_MACHINE } from '../states/event-state.js';
import { NEED_STATE_MACHINE } from '../states/need-state.js';
import { MILESTONE_STATE_MACHINE, PROJECT_STATE_MACHINE } from '../states/project-state.js';
import { PROVIDER_STATE_MACHINE } from '../states/provider-selection.js';
import { SOLUTION_STATE_MACHINE } from '../states/solution-state.js';
import { SUBSIDY_STATE_MACHINE } from '../states/subsidy-state.js';
import { ERROR_CODES, FIXED_ERROR_CODES, isErrorCode } from './error-codes.js';
import { codeMessageZh, errorMessageZh, fieldProblemZh, hasChinese, reasonZh, stateNameZh } from './messages-zh.js';

describe('Chinese error texts', () => {
  it.each([...ERROR_CODES])('%s has a Chinese text', (code) => {
    const text = codeMessageZh(code);
    expect(text).toBeDefined();
    expect(hasChinese(text!)).toBe(true);
  });

  it('registers each code once, in snake case', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(FIXED_ERROR_CODES.length).toBeGreaterThan(100);
    expect(isErrorCode('no_such_code')).toBe(false);
    expect(codeMessageZh('no_such_code')).toBeUndefined();
  });

  it.each(
    [
      BID_STATE_MACHINE,
      JOINT_NEED_STATE_MACHINE,
      EVENT_STATE_MACHINE,
      REGISTRATION_STATE_MACHINE,
      NEED_STATE_MACHINE,
      PROJECT_STATE_MACHINE,
      MILESTONE_STATE_MACHINE,
      PROVIDER_STATE_MACHINE,
      SOLUTION_STATE_MACHINE,
      SUBSIDY_STATE_MACHINE,
    ].map((m) => [m.subject, m] as const),
  )('names every state of %s in Chinese in its 409', (subject, machine) => {
    for (const state of machine.states) {
      expect(stateNameZh(subject, state)).toBeDefined();
      expect(codeMessageZh(`${subject}_invalid_transition`, { state })).toContain(`「${stateNameZh(subject, state)}」`);
    }
  });

  it('reads details: the missing documents, the wait of a rate limit', () => {
    expect(codeMessageZh('documents_missing', { missing: [{ kind: 'licence', name: '营业执照' }] })).toBe('缺少必需材料：营业执照');
    expect(codeMessageZh('rate_limited', { retryAfterSeconds: 4.2 })).toBe('请求过于频繁，请 5 秒后再试');
    expect(codeMessageZh('service_fee_cap_exceeded', { remainingFen: 200_000 })).toBe(
      '超出每家企业的服务费上限，该企业此项费用最多还可支付¥2,000元',
    );
  });

  it('keeps a message the API wrote in Chinese, without its English gloss; else the code decides', () => {
    expect(errorMessageZh({ code: 'wrong_credentials', message: '邮箱或密码错误 (wrong e-mail or password)' })).toBe('邮箱或密码错误');
    expect(errorMessageZh({ code: 'documents_missing', message: '遴选缺少必需材料：营业执照' })).toBe('遴选缺少必需材料：营业执照');
    expect(errorMessageZh({ code: 'role_required', message: 'requires role city_officer or district_officer or admin' })).toBe(
      '当前账号的角色无权执行此操作',
    );
    expect(errorMessageZh({ code: 'not_chain_leader', message: 'the enterprise is not a chain leader (链主)' })).toBe('该企业不是链主企业');
    expect(errorMessageZh({ message: 'something else' })).toBeUndefined();
  });

  it('turns field problems into Chinese, by field name and reason', () => {
    expect(fieldProblemZh({ field: 'uscc', reason: "wrong check character 'X' (expected M)" })).toBe(
      '统一社会信用代码：校验位错误（第18位为“X”，应为“M”）',
    );
    expect(fieldProblemZh({ field: 'documents.0.kind', reason: 'must be one of licence, other' })).toBe(
      '类型：应为以下之一：licence, other',
    );
    expect(reasonZh({ reason: 'is required', reasonZh: '必须填写' })).toBe('必须填写');
    expect(reasonZh({ reason: 'is required unless the event is online' })).toBe('填写有误（is required unless the event is online）');
    expect(
      errorMessageZh({
        code: 'invalid_input',
        message: 'uscc: …; name: is required',
        details: {
          problems: [
            { field: 'uscc', reason: 'x', reasonZh: '校验位错误' },
            { field: 'name', reason: 'is required' },
          ],
        },
      }),
    ).toBe('统一社会信用代码：校验位错误；名称：为必填项');
  });
});
