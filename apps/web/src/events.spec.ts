import type { FormInstance } from 'antd';
import { ApiError, fieldProblems } from './api.js';
import { allows, arrivalSeries, showFieldErrors, slotLabel, slotStart } from './events.js';

const event = { startsAt: '2030-05-20T01:00:00.000Z', slotMinutes: 20 };

describe('slot times', () => {
  it('counts slots from the start, slotMinutes apart', () => {
    expect(slotStart(event, 0).toISOString()).toBe('2030-05-20T01:00:00.000Z');
    expect(slotStart(event, 3).toISOString()).toBe('2030-05-20T02:00:00.000Z');
  });

  it('labels a slot from 1, in Shanghai time', () => {
    expect(slotLabel(event, 0)).toBe('第 1 场 09:00–09:20');
    expect(slotLabel(event, 2)).toBe('第 3 场 09:40–10:00');
  });
});

describe('arrivalSeries', () => {
  const bucket = (from: string, count: number, cumulative: number) => ({ from, count, cumulative });

  it('fills the empty quarter hours of a day, labelled in Shanghai time', () => {
    const series = arrivalSeries({
      bucketMinutes: 15,
      total: 5,
      buckets: [bucket('2030-05-20T00:45:00.000Z', 2, 2), bucket('2030-05-20T01:30:00.000Z', 3, 5)],
    });
    expect(series).toEqual({
      labels: ['08:45', '09:00', '09:15', '09:30'],
      counts: [2, 0, 0, 3],
      cumulative: [2, 2, 2, 5],
    });
  });

  it('keeps only the quarters with arrivals, dated, when they span days', () => {
    const series = arrivalSeries({
      bucketMinutes: 15,
      total: 2,
      buckets: [bucket('2030-05-18T01:00:00.000Z', 1, 1), bucket('2030-05-20T01:00:00.000Z', 1, 2)],
    });
    expect(series).toEqual({ labels: ['05-18 09:00', '05-20 09:00'], counts: [1, 1], cumulative: [1, 2] });
    expect(arrivalSeries({ bucketMinutes: 15, total: 0, buckets: [] })).toEqual({ labels: [], counts: [], cumulative: [] });
  });
});

describe('allows', () => {
  it.each([
    ['draft', 'edit', true],
    ['draft', 'register', false],
    ['registration_open', 'register', true],
    ['registration_closed', 'schedule', true],
    ['scheduled', 'edit_schedule', true],
    ['scheduled', 'edit', false],
    ['published', 'record_outcome', true],
    ['completed', 'cancel', false],
  ] as const)('%s allows %s: %s', (status, action, expected) => {
    expect(allows({ status }, action)).toBe(expected);
  });
});

describe('fieldProblems', () => {
  it('reads details.problems of a 400, each reason in Chinese', () => {
    const error = new ApiError(400, 'Bad Request', 'venue: is required unless the event is online', 'invalid_input', {
      problems: [{ field: 'venue', reason: 'is required unless the event is online' }],
    });
    expect(fieldProblems(error)).toEqual([{ field: 'venue', reason: '填写有误（is required unless the event is online）' }]);
    const uscc = new ApiError(400, 'Bad Request', 'x', 'invalid_input', {
      problems: [{ field: 'uscc', reason: "wrong check character 'X' (expected M)", reasonZh: '校验位错误（第18位为“X”，应为“M”）' }],
    });
    expect(fieldProblems(uscc)).toEqual([{ field: 'uscc', reason: '校验位错误（第18位为“X”，应为“M”）' }]);
  });

  it('parses the message when the API sent no details', () => {
    const error = new ApiError(400, 'Bad Request', 'slots: must be at most 96; availableSlots.2: must be a slot from 0 to 3');
    expect(fieldProblems(error)).toEqual([
      { field: 'slots', reason: '不能超过 96' },
      { field: 'availableSlots.2', reason: '填写有误（must be a slot from 0 to 3）' },
    ]);
  });

  it('is empty for anything but a 400', () => {
    expect(fieldProblems(new ApiError(409, 'Conflict', 'table_taken: every table in slot 1 is taken'))).toEqual([]);
    expect(fieldProblems(new Error('boom'))).toEqual([]);
  });
});

describe('showFieldErrors', () => {
  const formWith = () => {
    const calls: unknown[] = [];
    const form = { setFields: (fields: unknown) => calls.push(fields) } as unknown as FormInstance;
    return { form, calls };
  };

  it('puts reasons on the form fields, renaming and folding nested paths', () => {
    const { form, calls } = formWith();
    const error = new ApiError(400, 'Bad Request', 'x', undefined, {
      problems: [
        { field: 'budgetFen', reason: 'must be > 0' },
        { field: 'sites.0.enterpriseId', reason: 'must be a UUID' },
        { field: 'sites.1.enterpriseId', reason: 'is not opted in' },
      ],
    });
    expect(showFieldErrors(form, error, ['budgetWan', 'sites'], { budgetFen: 'budgetWan' })).toBe(true);
    expect(calls).toEqual([
      [
        { name: 'budgetWan', errors: ['应大于 0'] },
        { name: 'sites', errors: ['标识格式不正确', '填写有误（is not opted in）'] },
      ],
    ]);
  });

  it('leaves the form alone when no reason names one of its fields', () => {
    const { form, calls } = formWith();
    expect(showFieldErrors(form, new ApiError(400, 'Bad Request', '(body): must be an object'), ['title'])).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('ApiError.textZh', () => {
  it("prefers the contract's Chinese text for the code, then the API's messageZh, then message", () => {
    expect(new ApiError(403, 'Forbidden', 'requires role city_officer or district_officer or admin', 'role_required').textZh).toBe(
      '当前账号的角色无权执行此操作',
    );
    expect(new ApiError(409, 'Conflict', 'later', 'code_of_a_newer_api', undefined, '新版本的错误').textZh).toBe('新版本的错误');
    expect(new ApiError(500, 'Internal Server Error', 'boom').textZh).toBe('boom');
  });
});
