import { describe, expect, it } from 'vitest';
import { PRIORITY_OF_RING, ringByWalk } from './walkRules.js';

const radii = { r_immediate: 300, r_neighbourhood: 800 };
const walk = (walk_m: number | null, on_network: boolean) => ({ walk_m, walk_min: walk_m === null ? null : walk_m / 83.3, on_network });

describe('the ring by walking distance', () => {
  it('is the innermost ring whose radius holds the walk, the radius itself included', () => {
    expect(ringByWalk(walk(0, true), radii)).toBe('immediate');
    expect(ringByWalk(walk(300, true), radii)).toBe('immediate');
    expect(ringByWalk(walk(300.1, true), radii)).toBe('neighbourhood');
    expect(ringByWalk(walk(800, true), radii)).toBe('neighbourhood');
    expect(ringByWalk(walk(2400, true), radii)).toBe('area');
  });
  it('is the outer ring when both places are on the network and no walk reaches', () => {
    expect(ringByWalk(walk(null, true), radii)).toBe('area');
  });
  it('is not judged when a place is off the network (the straight ring stands)', () => {
    expect(ringByWalk(walk(null, false), radii)).toBeUndefined();
  });
  it('gives the priority by ring', () => {
    expect(PRIORITY_OF_RING).toEqual({ immediate: 'high', neighbourhood: 'medium', area: 'low' });
  });
});
