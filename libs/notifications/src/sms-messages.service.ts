import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page, SmsMessageView } from '@smedx/contracts';
import { SmsMessage } from './sms-message.entity.js';

/** The text messages kept without an SMS provider, newest first, for admins (as kept e-mail is kept). */
@Injectable()
export class SmsMessagesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(mobile: string | undefined, page: number, pageSize: number): Promise<Page<SmsMessageView>> {
    const [rows, total] = await this.dataSource.getRepository(SmsMessage).findAndCount({
      where: mobile ? { mobile } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map((m) => ({ id: m.id, mobile: m.mobile, text: m.text, createdAt: m.createdAt })), total, page, pageSize };
  }
}
