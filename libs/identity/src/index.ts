export * from './user.entity.js';
export * from './role-grant.entity.js';
export * from './membership.entity.js';
export * from './dto/identity.dto.js';
export * from './identity.service.js';
export * from './password-sign-in.service.js';
export * from './user-administration.service.js';
export * from './sms-code.entity.js';
export * from './sms-sign-in.service.js';
export * from './identity.module.js';

import { Membership } from './membership.entity.js';
import { RoleGrant } from './role-grant.entity.js';
import { SmsCode } from './sms-code.entity.js';
import { User } from './user.entity.js';
export const IDENTITY_ENTITIES = [User, RoleGrant, Membership, SmsCode];
