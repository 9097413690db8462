import { describe, expect, it } from 'vitest';
import { browserName } from './browserName.js';
import { sessionsEn, sessionsSv } from './sessionMessages.js';

describe('browserName', () => {
  it('names the browser and system a person recognises, in the page language', () => {
    const chromeLinux = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
    const edge = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
    expect(browserName(chromeLinux, sessionsSv)).toBe('Chrome på Linux');
    expect(browserName(iphone, sessionsSv)).toBe('Safari på iOS');
    expect(browserName(edge, sessionsEn)).toBe('Microsoft Edge on Windows');
  });

  it('says unknown for a missing or unreadable User-Agent', () => {
    expect(browserName(null, sessionsSv)).toBe('Okänd webbläsare');
    expect(browserName('curl/8.5.0', sessionsEn)).toBe('Unknown browser');
    expect(browserName('', sessionsEn)).toBe('Unknown browser');
  });
});
