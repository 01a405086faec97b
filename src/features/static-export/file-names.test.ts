/** Where addresses land in the static copy, and what the copy follows in feeds, sitemaps and API answers. */
import { describe, expect, it } from 'vitest';
import { linksOfText } from './crawl.js';
import { fileFor, relativeHref, siteAddress } from './file-names.js';

const site = new URL('https://puente.example.org');
const at = (href: string) => siteAddress(href, new URL('/en/releases', site), site)!.address;

describe('static copy file names', () => {
  it('puts pages at …/index.html, queries beside them, and gives a download the extension of its type', () => {
    const html = 'text/html; charset=utf-8';
    expect(fileFor(at('/en/'), html)).toBe('en/index.html');
    expect(fileFor(at('/en/releases/'), html)).toBe('en/releases/index.html');
    // Parameters in any order are one page; what a file name cannot hold is spelled out, so names never collide.
    expect(fileFor(at('?theme=a&after=2021-06-03'), html)).toBe('en/releases/index.after=2021-06-03,theme=a.html');
    expect(fileFor(at('?after=2021-06-03&theme=a'), html)).toBe('en/releases/index.after=2021-06-03,theme=a.html');
    expect(fileFor(at('?after=a/b~c'), html)).toBe('en/releases/index.after=a~2Fb~7Ec.html');
    expect(fileFor(at('/files/0a1b'), 'application/pdf')).toBe('files/0a1b.pdf');
    expect(fileFor(at('/favicon.svg?v=1'), 'image/svg+xml')).toBe('favicon.v=1.svg');
    expect(fileFor(at('/en/releases/x/release.md'), 'text/markdown')).toBe('en/releases/x/release.md');
    expect(fileFor(at('/api/v1/statements?after=x'), 'application/json')).toBe('api/v1/statements.after=x.json');
    expect(fileFor(at('/en/%2e%2e%2fsecret'), html)).toBeNull();
    expect(siteAddress('https://elsewhere.example/en/', site, site)).toBeNull();
  });

  it('links files relatively, escaping what an address cannot hold as it is', () => {
    expect(relativeHref('en/statements/x/index.html', 'en/index.html')).toBe('../../index.html');
    expect(relativeHref('en/index.html', 'en/index.html')).toBe('index.html');
    expect(relativeHref('index.html', 'en/organizations/café #1/index.html')).toBe(
      'en/organizations/caf%C3%A9%20%231/index.html',
    );
  });

  it('follows the addresses named in sitemaps, feeds, API answers and the OpenAPI document', () => {
    const sitemap = '<urlset><url><loc>https://puente.example.org/en/?a=1&amp;b=2</loc></url></urlset>';
    expect(linksOfText('application/xml', sitemap)).toEqual(['https://puente.example.org/en/?a=1&b=2']);
    const feed = '<feed><link rel="alternate" href="https://puente.example.org/en/releases/x"/></feed>';
    expect(linksOfText('application/atom+xml', feed)).toEqual(['https://puente.example.org/en/releases/x']);
    const page = JSON.stringify({ items: [{ url: '/en/statements/x', text: 'a / b' }], next: '/api/v1/s?after=x' });
    expect(linksOfText('application/json', page)).toEqual(['/en/statements/x', '/api/v1/s?after=x']);
    const openapi = JSON.stringify({
      openapi: '3.1.0',
      servers: [{ url: '/api/v1' }],
      paths: { '/statements': { get: {} }, '/statements/{slug}': { get: {} }, '/imports': { post: {} } },
    });
    expect(linksOfText('application/json', openapi)).toEqual(['/api/v1', '/api/v1/statements']);
  });
});
