import { commonWeaknesses } from './common-needs.js';
import type { Weakness } from './scoring.js';

describe('commonWeaknesses', () => {
  const weakness = (key: string, kind: Weakness['kind'] = 'indicator'): Weakness => ({
    kind,
    key,
    title: key,
    group: 'g',
    share: 0,
    score: null,
    maxScore: null,
    level: null,
    scenarios: [],
  });

  it('counts the weaknesses at least two enterprises and at least minShare of them share, most shared first', () => {
    const diagnoses = [
      { weakest: [weakness('network'), weakness('digital_talent'), weakness('quality', 'scene')] },
      { weakest: [weakness('network'), weakness('digital_talent'), weakness('energy_intensity')] },
      { weakest: [weakness('network'), weakness('quality', 'scene'), weakness('cost_ratio')] },
      { weakest: [weakness('data_security')] },
    ];
    const common = commonWeaknesses(diagnoses, 0.3);
    expect(common.map((c) => [c.kind, c.key, c.count, c.share])).toEqual([
      ['indicator', 'network', 3, 0.75],
      ['indicator', 'digital_talent', 2, 0.5],
      ['scene', 'quality', 2, 0.5],
    ]);
    expect(common.map((c) => c.need)).toEqual([
      { title: '车间网络建设与升级改造', scenarios: ['network'] },
      null,
      { title: '质量管理数字化提升', scenarios: ['quality'] },
    ]);
    expect(commonWeaknesses(diagnoses, 0.6).map((c) => c.key)).toEqual(['network']);
    expect(commonWeaknesses(diagnoses.slice(3), 0)).toEqual([]);
    expect(commonWeaknesses([], 0.3)).toEqual([]);
  });
});
