import { describe, expect, test } from 'vitest';
import { judgeLint, snippetAt, type LintReport } from './lint-firefox';

const report = (over: Partial<LintReport>): LintReport => ({
  errors: [],
  warnings: [],
  notices: [],
  ...over,
});
const ZOD_PROBE = 'var M=S(()=>{try{return Function(``),!0}catch{return!1}});';

describe('judgeLint', () => {
  test('a clean report passes', () => {
    expect(judgeLint(report({ notices: [{ code: 'X', message: 'fyi' }] }))).toEqual([]);
  });
  test('every error fails, explained or not', () => {
    const error = { code: 'DANGEROUS_EVAL', message: 'eval', file: 'a.js', snippet: ZOD_PROBE };
    expect(judgeLint(report({ errors: [error] }))).toEqual([error]);
  });
  test('an explained warning passes only where its source is the explained one', () => {
    const probe = { code: 'DANGEROUS_EVAL', message: 'Function', file: 'background.js', snippet: ZOD_PROBE };
    const ours = {
      code: 'DANGEROUS_EVAL',
      message: 'Function',
      file: 'b.js',
      snippet: 'new Function(rule)(x)',
    };
    const preact = {
      code: 'UNSAFE_VAR_ASSIGNMENT',
      message: 'innerHTML',
      snippet: '||(e.innerHTML=f.__html)',
    };
    const other = { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'innerHTML', snippet: 'el.innerHTML=name' };
    const unknown = { code: 'MANIFEST_PERMISSIONS', message: 'unknown permission' };
    expect(judgeLint(report({ warnings: [probe, ours, preact, other, unknown] }))).toEqual([
      ours,
      other,
      unknown,
    ]);
    expect(judgeLint(report({ warnings: [probe] }), [])).toEqual([probe]);
  });
});

test('snippetAt: the text around line:column', () => {
  const text = `first\n${'a'.repeat(200)}X${'b'.repeat(200)}`;
  const s = snippetAt(text, 2, 200);
  expect(s).toHaveLength(240);
  expect(s.indexOf('X')).toBe(120);
  expect(snippetAt(text, 9, 0)).toBe('');
});
