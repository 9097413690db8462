/**
 * The check that no page shows the server's English or a raw code: call
 * `expectNoEnglishOrRawCodes(page)` after a journey's error cases. It reads the visible
 * text of the page (`innerText`, so hidden elements do not count), leaves out elements
 * marked `data-raw-ok` (an e-mail address, a file's own column names), and fails with a
 * list of what it found.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Every API code of the code tables in DESIGN.md, and the error and audit codes a page could leak. */
export const RAW_CODES = [
  'care_home', 'supported_housing', 'emergency_housing', 'shelter', 'training_flats', 'housing_first',
  'planned', 'open', 'closed', 'public', 'restricted',
  'property_owner', 'housing_company', 'shop', 'restaurant', 'police', 'security', 'faith', 'association', 'public_transport', 'library', 'health', 'park_street', 'leisure', 'other',
  'school', 'preschool', 'leisure_centre', 'playground',
  'immediate', 'neighbourhood', 'area',
  'high', 'medium', 'low',
  'not_informed', 'informed', 'due_soon', 'overdue',
  'meeting', 'information', 'safety_walk', 'contact', 'dialogue', 'observation',
  'read_exact', 'city_area', 'primary_area', 'bad_request', 'not_found', 'precondition_failed', 'weak_password', 'protected_housing',
] as const;

/**
 * English words in a code table that are also ordinary English words: on a Swedish page
 * they can only be a leaked code or English text. (In English the table's words are
 * real words, so only the snake_case codes are checked there.)
 */
const ENGLISH_PHRASES: RegExp[] = [
  /\bInvalid\b/,
  /\bmust be\b/i,
  /Unexpected token/i,
  /\bnot found\b/i,
  /\bExpected\b/,
  /\breceived (undefined|null|string|number)\b/i,
  /\bIf-Match\b/,
  /\bis not a (number|known)\b/i,
  /\bdetails\.[a-z]/,
  /\bSyntaxError\b|\bTypeError\b|\bFailed to fetch\b/,
  /\bHTTP \d{3}\b/,
];

const SNAKE = /\b[a-z]+_[a-z_]+\b/g;

/** Codes that are also ordinary Swedish words ("information om boendet"): on a Swedish page only their snake_case kin can be told from text. */
const SWEDISH_WORDS = new Set<string>(['information']);

/** The page's visible text with `data-raw-ok` elements (and their children) left out. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const marked = [...document.querySelectorAll<HTMLElement>('[data-raw-ok]')];
    const saved = marked.map((el) => [el, el.style.display] as const);
    for (const el of marked) el.style.display = 'none';
    try {
      return document.body.innerText;
    } finally {
      for (const [el, display] of saved) el.style.display = display;
    }
  });
}

/** What on the page is English server text or a raw code (empty when clean). */
export async function findEnglishOrRawCodes(page: Page, lang: 'sv' | 'en' = 'sv'): Promise<string[]> {
  const text = await visibleText(page);
  const found = new Set<string>();
  for (const m of text.matchAll(SNAKE)) found.add(`raw code "${m[0]}"`);
  if (lang === 'sv') {
    const words = new Set(text.split(/[^\p{L}_]+/u).filter(Boolean));
    for (const code of RAW_CODES) if (words.has(code) && !SWEDISH_WORDS.has(code)) found.add(`raw code "${code}"`);
    for (const re of ENGLISH_PHRASES) {
      const m = re.exec(text);
      if (m) found.add(`English "${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ').trim()}"`);
    }
  } else {
    for (const re of ENGLISH_PHRASES.filter((r) => !/must be|not found|Expected|Invalid|is not a/.test(r.source))) {
      const m = re.exec(text);
      if (m) found.add(`server text "${m[0]}"`);
    }
  }
  return [...found];
}

/** Fails when the page shows English server text or a raw code; the failure lists each one found. */
export async function expectNoEnglishOrRawCodes(page: Page, lang: 'sv' | 'en' = 'sv', where = page.url()): Promise<void> {
  const found = await findEnglishOrRawCodes(page, lang);
  expect(found, `English server text or raw codes on ${where}:\n  ${found.join('\n  ')}`).toEqual([]);
}
