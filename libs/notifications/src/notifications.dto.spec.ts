import { ListNotificationsSchema, NotifyInputSchema } from './dto/notifications.dto.js';
import { mailText } from './notification-delivery.service.js';

const USER = '6f1c1a6e-8a6b-4c3e-9a55-1c2d3e4f5a6b';
const valid = { recipients: { userIds: [USER] }, kind: 'match.strong', title: '发现新的强匹配方案', body: '匹配度 92 分', dedupeKey: 'k' };

describe('NotifyInputSchema', () => {
  it('accepts a minimal notification', () => {
    expect(NotifyInputSchema.parse(valid)).toMatchObject(valid);
  });

  it('drops unknown fields', () => {
    expect(NotifyInputSchema.parse({ ...valid, urgent: true })).not.toHaveProperty('urgent');
  });

  it('cuts a title over 200 characters instead of refusing it', () => {
    const title = NotifyInputSchema.parse({ ...valid, title: '需'.repeat(250) }).title;
    expect(title).toHaveLength(200);
    expect(title.endsWith('…')).toBe(true);
  });

  it.each([
    ['a kind with capitals', { kind: 'Match.Strong' }, 'kind'],
    ['an empty dedupe key', { dedupeKey: '' }, 'dedupeKey'],
    ['a recipient that is not a UUID', { recipients: { userIds: ['42'] } }, 'recipients.userIds.0'],
    ['a blank title', { title: '  ' }, 'title'],
  ])('refuses %s', (_, patch, path) => {
    const result = NotifyInputSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path.join('.')).toBe(path);
  });
});

describe('ListNotificationsSchema', () => {
  it('defaults to every notification, page 1 of 20', () => {
    expect(ListNotificationsSchema.parse({})).toEqual({ unread: false, page: 1, pageSize: 20 });
    expect(ListNotificationsSchema.parse({ unread: 'true', pageSize: '100' })).toEqual({ unread: true, page: 1, pageSize: 100 });
  });

  it('refuses anything but true or false for unread', () => {
    expect(ListNotificationsSchema.safeParse({ unread: '1' }).error?.issues[0].message).toBe('must be true or false');
  });
});

describe('mailText', () => {
  it('greets the user and ends with the link', () => {
    const text = mailText('李伟', { title: '投标截止提醒', body: '需求将于明天截止投标。', link: '/needs/1' });
    expect(text.split('\n').slice(0, 5)).toEqual(['李伟，您好：', '', '投标截止提醒', '', '需求将于明天截止投标。']);
    expect(text).toContain('查看详情：/needs/1');
    expect(mailText('李伟', { title: 't', body: 'b', link: null })).not.toContain('查看详情');
  });
});
