import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { escapeFormula, toCsv, toCsvIn } from './csv.js';

describe('escapeFormula', () => {
  it.each([
    '+46 31 123 45 67', '+46-31-123 45 67', '+46 (0)31 12 34 56', '-12.5', '+3', '-0,5', '1e-3', '-1e5',
    'Storgatan 1', 'åäö', '', '46 31 123', 'a=b',
  ])('leaves %j intact', (s) => expect(escapeFormula(s)).toBe(s));

  it.each([
    '=HYPERLINK("http://x","klicka")', '+SUM(A1)', '-2+3', '@SUM(A1)', '=1+1', '\t=1', '\r=1', '+', '-', '+46 31 SUM(A1)',
    '=cmd|\' /C calc\'!A0', '-1-', '--1',
  ])('escapes %j with a leading quote', (s) => expect(escapeFormula(s)).toBe(`'${s}`));
});

describe('toCsv', () => {
  it('writes a BOM, CRLF lines and quotes only fields that need it, and reads back', () => {
    const text = toCsv(['a', 'b', 'c'], [['x;y', 'say "hi"', 'line\nbreak'], { a: 1.5, b: null, c: ['p', 'q'] }], ';');
    expect(text.startsWith('\uFEFFa;b;c\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"x;y";"say ""hi""";"line\nbreak"\r\n');
    expect(text).toContain('1.5;;p,q\r\n');
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows).toEqual([['a', 'b', 'c'], ['x;y', 'say "hi"', 'line\nbreak'], ['1.5', '', 'p,q']]);
  });

  it('escapes formulas in every cell, keeps phone numbers and numbers', () => {
    const rows = Papa.parse<string[]>(toCsv(['v'], [['=HYPERLINK("x")'], ['+46 31 123 45 67'], [-12.5], ['-12.5']]).slice(1), { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((r) => r[0])).toEqual(['\'=HYPERLINK("x")', '+46 31 123 45 67', '-12.5', '-12.5']);
  });

  it('is the only CSV writer: no other API module unparses CSV or tests for formula characters', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && p !== path.join('api', 'services', 'csv.ts')) {
          const src = fs.readFileSync(p, 'utf8');
          if (/Papa\.unparse|escapeFormulae|\^\[=\+/.test(src)) offenders.push(p);
        }
      }
    };
    walk('api');
    expect(offenders).toEqual([]);
  });
});

describe('toCsvIn', () => {
  it('excel_sv: BOM, `;`, decimal comma for numbers only; standard: no BOM, `,`, decimal point', () => {
    const rows = [[57.70887, 'Göteborg, centrum', '+46 31 365 00 00', 12]];
    const sv = toCsvIn('excel_sv', ['lat', 'name', 'phone', 'n'], rows);
    expect(sv).toBe('\uFEFFlat;name;phone;n\r\n57,70887;Göteborg, centrum;+46 31 365 00 00;12\r\n');
    const std = toCsvIn('standard', ['lat', 'name', 'phone', 'n'], rows);
    expect(std).toBe('lat,name,phone,n\r\n57.70887,"Göteborg, centrum",+46 31 365 00 00,12\r\n');
    expect(toCsvIn('excel_sv', ['t'], [['1.5']])).toBe('\uFEFFt\r\n1.5\r\n');
  });
});
