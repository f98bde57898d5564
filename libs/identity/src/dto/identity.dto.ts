import { z } from 'zod';
import { PLATFORM_ROLES } from '@smedx/platform';

const email = z.string().trim().toLowerCase().email('must be an e-mail address').max(254);
const password = z.string().min(8, 'must be at least 8 characters').max(200);

export const RegisterSchema = z.object({
  email,
  password,
  displayName: z.string().trim().min(1, 'is required').max(80),
  /** Present when registering through a chain invitation (see the chains context). */
  invitationToken: z.string().min(1).max(200).optional(),
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

export const AddMemberSchema = z.object({ email, role: z.enum(['owner', 'member']).default('member') });
export type AddMemberInput = z.infer<typeof AddMemberSchema>;
