import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { defineEvent, defineJob } from './job-definition.js';
import { JobRegistry } from './job-registry.js';
import { OnEvent, OnJob } from './on-job.decorator.js';

const Greeted = defineJob<{ name: string }>('registry-test.greeted');
const Waved = defineJob<{ hand: string }>('registry-test.waved');
const Arrived = defineEvent<{ who: string }>('registry-test.arrived');

@Injectable()
class Greeter {
  seen: string[] = [];
  @OnJob(Greeted)
  async greet(payload: { name: string }) {
    this.seen.push(payload.name);
  }
  @OnJob(Waved)
  async wave() {}
  @OnEvent(Arrived, 'registry-test.log-arrival')
  async log() {}
  @OnEvent(Arrived, 'registry-test.count-arrival')
  async count() {}
  @OnEvent(Arrived, 'registry-test.welcome-guest', { when: (p) => p.who.startsWith('guest') })
  async welcome() {}
}

@Injectable()
class SecondGreeter {
  @OnJob(Greeted)
  async greetToo() {}
}

@Injectable()
class Silent {}

async function boot(...providers: (new () => object)[]) {
  @Module({ imports: [DiscoveryModule], providers: [JobRegistry, ...providers] })
  class TestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
  await moduleRef.init();
  return moduleRef;
}

describe('JobRegistry', () => {
  it('finds each handler and runs it bound to its provider', async () => {
    const moduleRef = await boot(Greeter);
    await moduleRef.get(JobRegistry).get(Greeted.name)({ name: '张三' }, { jobId: 1, attempt: 1 });
    expect(moduleRef.get(Greeter).seen).toEqual(['张三']);
    expect(moduleRef.get(JobRegistry).names()).toEqual([
      'registry-test.count-arrival',
      Greeted.name,
      'registry-test.log-arrival',
      Waved.name,
      'registry-test.welcome-guest',
    ]);
  });

  it("lists an event's subscribers, leaving out those whose filter refuses the payload", async () => {
    const registry = (await boot(Greeter)).get(JobRegistry);
    const all = ['registry-test.count-arrival', 'registry-test.log-arrival', 'registry-test.welcome-guest'];
    expect(registry.subscribersOf(Arrived.event)).toEqual(all);
    expect(registry.subscribersOf(Arrived.event, { who: 'guest 7' })).toEqual(all);
    expect(registry.subscribersOf(Arrived.event, { who: 'staff 2' })).toEqual(['registry-test.count-arrival', 'registry-test.log-arrival']);
  });

  it('refuses to start when a declared job has no handler', async () => {
    await expect(boot(Silent)).rejects.toThrow(/job "registry-test.greeted" has no handler/);
    await expect(boot(Silent)).rejects.toThrow(/event "registry-test.arrived" has no subscriber/);
  });

  it('refuses to start when a job has two handlers', async () => {
    await expect(boot(Greeter, SecondGreeter)).rejects.toThrow(
      /job "registry-test.greeted" has 2 handlers: Greeter.greet, SecondGreeter.greetToo/,
    );
  });

  it('refuses a job declared twice', () => {
    expect(() => defineJob('registry-test.greeted')).toThrow(/declared twice/);
  });
});
