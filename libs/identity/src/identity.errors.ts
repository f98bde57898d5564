import { ConflictError } from '@smedx/platform';

export function mobileTaken(): ConflictError {
  return new ConflictError('mobile_taken', 'mobile: 该手机号已被其他账号绑定 (already used by another account)');
}
