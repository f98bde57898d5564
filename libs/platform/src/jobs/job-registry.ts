import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { declaredEventNames, declaredJobNames, JobHandler } from './job-definition.js';
import { ON_EVENT, ON_JOB } from './on-job.decorator.js';
import type { EventSubscription } from './on-job.decorator.js';

/** Finds every `@OnJob` handler at start-up and refuses missing or duplicate ones. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly logger = new Logger('JobRegistry');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly subscribers = new Map<string, Pick<EventSubscription, 'job' | 'when'>[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const subscription = this.reflector.get<EventSubscription | undefined>(ON_EVENT, fn as () => unknown);
        const jobName = subscription?.job ?? this.reflector.get<string | undefined>(ON_JOB, fn as () => unknown);
        if (!jobName) continue;
        if (subscription) {
          const { job, when } = subscription;
          this.subscribers.set(subscription.event, [...(this.subscribers.get(subscription.event) ?? []), { job, when }]);
        }
        const where = `${instance.constructor.name}.${method}`;
        found.set(jobName, [...(found.get(jobName) ?? []), where]);
        this.handlers.set(jobName, (fn as JobHandler).bind(instance));
      }
    }
    const problems: string[] = [];
    for (const [name, places] of found) {
      if (places.length > 1) problems.push(`job "${name}" has ${places.length} handlers: ${places.join(', ')}`);
    }
    for (const name of declaredJobNames()) {
      if (!found.has(name)) problems.push(`job "${name}" has no handler`);
    }
    for (const name of found.keys()) {
      if (!declaredJobNames().includes(name)) problems.push(`handler for undeclared job "${name}"`);
    }
    for (const event of declaredEventNames()) {
      if (!this.subscribers.has(event)) problems.push(`event "${event}" has no subscriber`);
    }
    if (problems.length) throw new Error(`Job handlers are wrong:\n  - ${problems.join('\n  - ')}`);
    this.logger.log(`${this.handlers.size} job handlers registered`);
  }

  get(name: string): JobHandler {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no handler for job "${name}"`);
    return handler;
  }

  /** The jobs that react to an event (to this payload of it, when given: see `OnEvent`'s `when`), in a stable order. */
  subscribersOf(event: string, payload?: object): string[] {
    const subscriptions = this.subscribers.get(event);
    if (!subscriptions) throw new Error(`no subscriber for event "${event}"`);
    return subscriptions
      .filter((s) => payload === undefined || !s.when || s.when(payload))
      .map((s) => s.job)
      .sort();
  }

  names(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
