/** The sitemap feature's front door: what other features, the app and the tests may use. */
export { sitemapFeature } from './manifest.js';
export { sitemapFilePath } from './routes.js';
export {
  fileCounts,
  pagesOf,
  publicSitePages,
  ROWS_PER_FILE,
  SITEMAP_KINDS,
  type SitemapKind,
  type SitePage,
} from './service.js';
