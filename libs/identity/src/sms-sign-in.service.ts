import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import {
  APP_CONFIG,
  CLOCK,
  DomainError,
  GoneError,
  SMS_SENDER,
  TooManyRequestsError,
  UnauthenticatedError,
  UnitOfWork,
} from '@smedx/platform';
import type { AppConfig, Clock, SmsSender } from '@smedx/platform';
import type { SessionView, SmsCodeSentView } from '@smedx/contracts';
import { AuditService } from '@smedx/audit';
import type { SmsCodeRequestInput, SmsLoginInput } from './dto/identity.dto.js';
import { IdentityService, maskMobile } from './identity.service.js';
import { SmsCode } from './sms-code.entity.js';

/** How long a code works, how many wrong tries kill it, and how often one number may ask for one. */
export const SMS_CODE_RULES = Object.freeze({
  validSeconds: 5 * 60,
  maxAttempts: 5,
  resendAfterSeconds: 60,
  perHour: 5,
});

const HOUR_MS = 3600_000;

/**
 * Sign-in by mobile number and a one-time code sent by SMS (手机验证码登录).
 * The answer to a code request never tells whether the number is registered:
 * an unknown number gets a code row too (its code is never sent), so rate
 * limits, tries and errors behave alike. Codes are kept only as an HMAC.
 */
@Injectable()
export class SmsSignInService {
  private readonly logger = new Logger('SmsSignInService');
  private readonly hashKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    @Inject(SMS_SENDER) private readonly sender: SmsSender,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // A key of its own, derived from the token secret: a leaked code table cannot be brute-forced without it.
    this.hashKey = createHmac('sha256', config.auth.jwtSecret).update('smedx sms sign-in code').digest();
  }

  /**
   * Issues a new code for the number (superseding the one before) and sends it
   * when the number belongs to a user. 429 `sms_rate_limited` when the number
   * asked within the last minute or five times within the hour.
   */
  async requestCode(input: SmsCodeRequestInput): Promise<SmsCodeSentView> {
    const { mobile } = input;
    const now = this.clock.now();
    const recent = await this.dataSource.getRepository(SmsCode).find({
      where: { mobile, createdAt: MoreThan(new Date(now.getTime() - HOUR_MS)) },
      select: { id: true, createdAt: true },
      order: { createdAt: 'DESC' },
    });
    this.checkRate(recent, now);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const issued = await this.uow.run(async (tx) => {
      await tx.update(SmsCode, { mobile, status: 'active' }, { status: 'superseded' });
      const row = tx.create(SmsCode, {
        mobile,
        codeHash: this.hash(mobile, code),
        status: 'active',
        failedAttempts: 0,
        expiresAt: new Date(now.getTime() + SMS_CODE_RULES.validSeconds * 1000),
        createdAt: now,
      });
      return tx.save(row);
    });
    if (await this.identity.userIdByMobile(mobile)) {
      try {
        await this.sender.sendCode({ mobile, code, validMinutes: SMS_CODE_RULES.validSeconds / 60 });
      } catch (error) {
        // The answer stays the same (it must not tell registered numbers apart); the request does not count.
        await this.dataSource.getRepository(SmsCode).delete({ id: issued.id });
        this.logger.error(`sending a sign-in code to ${maskMobile(mobile)} failed: ${(error as Error).message}`);
      }
    }
    return {
      message: '如该手机号已注册，验证码已发送，5 分钟内有效',
      expiresInSeconds: SMS_CODE_RULES.validSeconds,
      resendAfterSeconds: SMS_CODE_RULES.resendAfterSeconds,
    };
  }

  private checkRate(recent: Pick<SmsCode, 'createdAt'>[], now: Date): void {
    const latest = recent[0];
    const sinceLatest = latest ? now.getTime() - latest.createdAt.getTime() : Infinity;
    let waitMs = 0;
    if (sinceLatest < SMS_CODE_RULES.resendAfterSeconds * 1000) waitMs = SMS_CODE_RULES.resendAfterSeconds * 1000 - sinceLatest;
    if (recent.length >= SMS_CODE_RULES.perHour) {
      const oldestCounted = recent[SMS_CODE_RULES.perHour - 1]!;
      waitMs = Math.max(waitMs, oldestCounted.createdAt.getTime() + HOUR_MS - now.getTime());
    }
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    throw new TooManyRequestsError(
      'sms_rate_limited',
      `该手机号获取验证码过于频繁，请 ${seconds} 秒后再试 (too many codes for this number)`,
      seconds,
    );
  }

  /**
   * Exchanges the number and its current code for the same session as the
   * password login. A wrong code answers 401 `sms_code_wrong` with the tries
   * left; the fifth wrong try kills the code (410 `sms_code_exhausted`); an
   * old code answers 410 `sms_code_expired`; no live code 401 `sms_code_invalid`.
   */
  async signIn(input: SmsLoginInput): Promise<SessionView> {
    const { mobile } = input;
    const now = this.clock.now();
    const codes = this.dataSource.getRepository(SmsCode);
    const current = await codes.findOne({ where: { mobile }, order: { createdAt: 'DESC' } });
    if (!current || current.status === 'used' || current.status === 'superseded') throw invalid();
    if (current.status === 'exhausted') throw exhausted();
    if (current.expiresAt.getTime() <= now.getTime())
      throw new GoneError('sms_code_expired', '验证码已过期，请重新获取 (the code has expired)');
    if (!this.matches(current.codeHash, mobile, input.code)) return this.countWrongTry(current);
    const userId = await this.identity.userIdByMobile(mobile);
    const claimed = await this.uow.run(async (tx) => {
      // Only one request may spend the code, even when two race with it.
      const result = await tx.update(SmsCode, { id: current.id, status: 'active' }, { status: 'used' });
      if (!result.affected || !userId) return false;
      await this.audit.record(tx, {
        actorId: userId,
        action: 'user.signed_in_by_sms',
        entityType: 'user',
        entityId: userId,
        data: { mobile: maskMobile(mobile) },
      });
      return true;
    });
    if (!claimed) throw invalid();
    return this.identity.session(userId!);
  }

  private async countWrongTry(code: SmsCode): Promise<never> {
    const { failedAttempts } = await this.uow.run(async (tx) => {
      await tx.increment(SmsCode, { id: code.id, status: 'active' }, 'failedAttempts', 1);
      const row = await tx.findOneOrFail(SmsCode, { where: { id: code.id }, select: { id: true, failedAttempts: true } });
      if (row.failedAttempts >= SMS_CODE_RULES.maxAttempts) await tx.update(SmsCode, { id: code.id }, { status: 'exhausted' });
      return row;
    });
    const remaining = SMS_CODE_RULES.maxAttempts - failedAttempts;
    if (remaining <= 0) throw exhausted();
    throw new DomainError('unauthenticated', 'sms_code_wrong', `验证码错误，还可尝试 ${remaining} 次 (wrong code)`, {
      remainingAttempts: remaining,
    });
  }

  private hash(mobile: string, code: string): string {
    return createHmac('sha256', this.hashKey).update(`${mobile}:${code}`).digest('hex');
  }

  private matches(stored: string, mobile: string, code: string): boolean {
    const expected = Buffer.from(stored, 'hex');
    const given = Buffer.from(this.hash(mobile, code), 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

function invalid(): UnauthenticatedError {
  return new UnauthenticatedError('验证码无效，请重新获取 (no valid code for this number)', 'sms_code_invalid');
}

function exhausted(): GoneError {
  return new GoneError('sms_code_exhausted', '验证码错误次数过多，已失效，请重新获取 (too many wrong tries)');
}
