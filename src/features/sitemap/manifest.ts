/** For the web: the sitemap (index and files, both languages) and robots.txt (issue 16). */
import type { FeatureManifest } from '../../platform/feature.js';
import { registerSitemapRoutes } from './routes.js';

export const sitemapFeature: FeatureManifest = {
  name: 'sitemap',
  routes: (app, deps) => registerSitemapRoutes(app, deps),
  publicChannels: ['/sitemap.xml', '/sitemaps/:name', '/robots.txt'],
};
