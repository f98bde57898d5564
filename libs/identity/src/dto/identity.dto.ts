import { z } from 'zod';
import { PLATFORM_ROLES } from '@smedx/platform';

const email = z.string().trim().toLowerCase().email('must be an e-mail address').max(254);

/** A mainland China mobile number: 11 digits, 1 then 3–9 (spaces and hyphens typed between digits are dropped). */
export const mobile = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, '应为 11 位中国大陆手机号 (must be a mainland mobile number: 11 digits starting 13–19)'));
/** Passwords too common to accept whatever their length (checked lower-cased, spaces removed). */
const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  '11111111',
  '00000000',
  '88888888',
  'qwertyui',
  'qwerty123',
  'abc12345',
  'abcd1234',
  'a1234567',
  'iloveyou',
  'admin123',
  'admin1234',
  'welcome1',
  '1qaz2wsx',
  'qwe123456',
  'woaini1314',
  'smedx123',
  'smedx2024',
  'changeme',
]);

/** How many of letters (汉字 too), digits and other characters (spaces, punctuation) a password mixes. */
function characterClasses(password: string): number {
  return [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((c) => c.test(password)).length;
}

/**
 * The password rules (密码规则): at least 8 characters, at least two of letters, digits and
 * other characters, and not one of the commonest passwords.
 */
export const password = z
  .string()
  .min(8, '密码至少 8 位 (must be at least 8 characters)')
  .max(200)
  .refine((v) => characterClasses(v) >= 2, {
    message: '密码须包含字母、数字、符号中的至少两类 (must mix at least two of letters, digits and symbols)',
  })
  .refine((v) => !COMMON_PASSWORDS.has(v.toLowerCase().replace(/\s+/g, '')), { message: '密码过于常见，请换一个 (is too common)' });

export const RegisterSchema = z
  .object({
    email,
    password,
    displayName: z.string().trim().min(1, 'is required').max(80),
    /** Optional; unique. Lets the user sign in with a code sent by SMS. */
    mobile: mobile.optional(),
    /** Present when registering through a chain invitation (see the chains context). */
    invitationToken: z.string().min(1).max(200).optional(),
  })
  .refine((v) => !containsEmailName(v.password, v.email), {
    message: '密码不能包含邮箱用户名 (must not contain the e-mail name)',
    path: ['password'],
  });
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const LoginSchema = z.object({ email, password: z.string().min(1, 'is required').max(200) });
export type LoginInput = z.infer<typeof LoginSchema>;

export const GrantRoleSchema = z
  .object({
    role: z.enum(PLATFORM_ROLES),
    district: z.string().trim().min(1).max(32).optional(),
  })
  .refine((v) => v.role !== 'district_officer' || !!v.district, {
    message: 'is required for district_officer',
    path: ['district'],
  });
export type GrantRoleInput = z.infer<typeof GrantRoleSchema>;

export const ChangePasswordSchema = z
  .object({ currentPassword: z.string().min(1, 'is required').max(200), newPassword: password })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: '新密码不能与原密码相同 (must differ from the current one)',
    path: ['newPassword'],
  });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

/** Whether the password holds the e-mail's local part (4 characters or more). */
export function containsEmailName(password: string, email: string): boolean {
  const name = email.split('@')[0]?.toLowerCase() ?? '';
  return name.length >= 4 && password.toLowerCase().includes(name);
}

export const AddMemberSchema = z.object({ email, role: z.enum(['owner', 'member']).default('member') });
export type AddMemberInput = z.infer<typeof AddMemberSchema>;

/** What a user may change of their own account (`PATCH /auth/me`); `mobile: null` removes the number. */
export const UpdateMeSchema = z
  .object({ displayName: z.string().trim().min(1, 'is required').max(80).optional(), mobile: mobile.nullable().optional() })
  .refine((v) => v.displayName !== undefined || v.mobile !== undefined, { message: 'give displayName or mobile', path: ['displayName'] });
export type UpdateMeInput = z.infer<typeof UpdateMeSchema>;

export const SmsCodeRequestSchema = z.object({ mobile });
export type SmsCodeRequestInput = z.infer<typeof SmsCodeRequestSchema>;

export const SmsLoginSchema = z.object({
  mobile,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码为 6 位数字 (must be 6 digits)'),
});
export type SmsLoginInput = z.infer<typeof SmsLoginSchema>;
