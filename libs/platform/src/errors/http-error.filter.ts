import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { codeMessageZh, errorMessageZh, isErrorCode, type ErrorCode } from '@smedx/contracts';
import type { FastifyReply } from 'fastify';
import { DomainError, DomainErrorKind } from './domain-error.js';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code of an error that names none of its own (Nest's 404 for an unknown route, a bare HttpException). */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'route_not_found',
  405: 'method_not_allowed',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};
const codeFor = (statusCode: number): ErrorCode => CODE_BY_STATUS[statusCode] ?? (statusCode >= 500 ? 'internal_error' : 'bad_request');

/** Fastify's client errors as the API names them, Chinese first. */
const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', message: '请求内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_content_length', message: '请求长度与内容不符' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: '请求体为空，应为 JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: '请求体不是有效的 JSON' },
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Always one of `ERROR_CODES` (`@smedx/contracts`), which has a Chinese text for each. */
  code: ErrorCode;
  /** The message in Chinese, for clients without the web UI's table. */
  messageZh: string;
  details?: Record<string, unknown>;
}

/** Maps every error to SPEC's `{statusCode, error, message}` body, with a `code` and a Chinese `messageZh`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const bare = this.toBody(exception);
    const body: ErrorBody = { ...bare, messageZh: errorMessageZh(bare) ?? codeMessageZh(bare.code) ?? '请求失败' };
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const retryAfter = body.details?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number')
      void reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown): Omit<ErrorBody, 'messageZh'> {
    if (exception instanceof DomainError) {
      const statusCode = STATUS[exception.kind];
      return { statusCode, error: REASON[statusCode], message: exception.message, code: exception.code, details: exception.details };
    }
    // Nest wraps Fastify's client errors (body too large, bad media type) in an HttpException: name them from the cause.
    const cause = exception instanceof HttpException ? (exception.cause as { code?: unknown } | undefined) : undefined;
    if (cause instanceof Error && typeof cause.code === 'string' && cause.code in FASTIFY_CODES) return this.toBody(cause);
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? (response as { message: string[] }).message.join('; ')
            : String((response as { message?: unknown }).message ?? exception.message);
      // A failed health check (terminus): say which checks failed.
      const checks = typeof response === 'object' ? (response as { status?: unknown; details?: unknown }) : null;
      if (statusCode === 503 && checks?.status === 'error' && checks.details && typeof checks.details === 'object') {
        return {
          statusCode,
          error: REASON[statusCode]!,
          message: '服务未就绪 (not ready)',
          code: 'not_ready',
          details: checks.details as Record<string, unknown>,
        };
      }
      return { statusCode, error: REASON[statusCode] ?? 'Error', message, code: codeFor(statusCode) };
    }
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      // Fastify's own client errors (malformed JSON, body too large, wrong content type) and the rate limiter's.
      const rawCode = (exception as { code?: unknown }).code;
      const known =
        (typeof rawCode === 'string' ? FASTIFY_CODES[rawCode] : undefined) ??
        (exception instanceof SyntaxError ? FASTIFY_CODES.FST_ERR_CTP_INVALID_JSON_BODY : undefined);
      const ownCode = isErrorCode(rawCode) ? rawCode : undefined;
      return {
        statusCode: fastifyStatus,
        error: REASON[fastifyStatus] ?? 'Error',
        message: known ? `${known.message} (${(exception as Error).message})` : (exception as Error).message,
        code: known?.code ?? ownCode ?? codeFor(fastifyStatus),
      };
    }
    return { statusCode: 500, error: REASON[500]!, message: 'internal error', code: 'internal_error' };
  }
}
