import { describe, expect, it } from 'vitest';
import { linkTarget } from './link-target.js';

describe('linkTarget: what may become a link in what Puente writes', () => {
  it.each([
    ['https://www.cejil.org', 'https://www.cejil.org'],
    ['  http://example.org/a?b=1&c=2#d  ', 'http://example.org/a?b=1&c=2#d'],
    ['mailto:press@example.org', 'mailto:press@example.org'],
    ['/files/ab12', '/files/ab12'],
    [
      'https://example.org/"><script>alert(20)</script>',
      'https://example.org/%22%3E%3Cscript%3Ealert%2820%29%3C/script%3E',
    ],
    [
      'https://es.wikipedia.org/wiki/Migración_(humana) x',
      'https://es.wikipedia.org/wiki/Migraci%C3%B3n_%28humana%29%20x',
    ],
    ['https://example.org/a\\b`c{d}', 'https://example.org/a%5Cb%60c%7Bd%7D'],
    ['https://example.org/100%25/%zz', 'https://example.org/100%25/%25zz'],
    ['mailto:a@b.org?subject=<x>\nBcc: c@d.org', 'mailto:a@b.org?subject=%3Cx%3E%0ABcc:%20c@d.org'],
  ])('keeps %j as the link %j', (address, link) => {
    expect(linkTarget(address)).toBe(link);
  });

  it.each([
    'javascript:alert(21)',
    'JavaScript:alert(1)',
    ' java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.org/x',
    '//evil.example/x',
    '/\\evil.example/x',
    'www.cejil.org',
    'page.html',
    '#top',
    '',
    null,
    undefined,
  ])('gives no link for %j', (address) => {
    expect(linkTarget(address)).toBeNull();
  });
});
