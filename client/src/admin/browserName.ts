import Bowser from 'bowser';

/**
 * "Chrome på Linux", "Safari på iOS": a browser's User-Agent as a person recognises it
 * in the list of their sign-ins. Bowser reads the User-Agent; the words around it are
 * the page language's.
 */
export function browserName(userAgent: string | null, texts: { unknownBrowser: string; on: (browser: string, os: string) => string }): string {
  if (!userAgent) return texts.unknownBrowser;
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (!browser) return texts.unknownBrowser;
  return os ? texts.on(browser, os) : browser;
}
