import { describe, expect, it } from 'vitest';
import { suggestPassword } from './suggestPassword.js';

describe('suggestPassword', () => {
  it('gives four groups of four unambiguous characters, different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = suggestPassword();
      expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });

  it('skips bytes that would bias the alphabet (rejection sampling)', () => {
    // Every byte 248 or above is skipped (248 = 8 × 31); a source of only 255s then 0s gives all 'a'.
    let call = 0;
    const source = (b: Uint8Array) => b.fill(call++ === 0 ? 255 : 0);
    expect(suggestPassword(source)).toBe('aaaa-aaaa-aaaa-aaaa');
  });
});
