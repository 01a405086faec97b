import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('refuses javascript: links', () => {
    expect(renderMarkdown('[click](javascript:alert(1))')).not.toContain('href="javascript:');
  });

  it('links full addresses only, not names that look like domains', () => {
    const html = renderMarkdown('Presente.org and Alianza Americas: see https://www.afsc.org or www.cejil.org.');
    expect(html).toContain('<a href="https://www.afsc.org">');
    // Without a scheme nothing is linked: writers who want a link write it out.
    expect(html).not.toContain('href="http://www.cejil.org"');
    expect(html).not.toContain('href="http://Presente.org"');
  });
});
