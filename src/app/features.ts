/**
 * The features the app is made of, in the order their routes are registered and their contributions
 * gathered (the registry's texts come first on the translations page). A new feature is one line here.
 */
import { accountsFeature } from '../features/accounts/index.js';
import { apiFeature } from '../features/api/index.js';
import { exportsFeature } from '../features/exports/index.js';
import { feedsFeature } from '../features/feeds/index.js';
import { filesFeature } from '../features/files/index.js';
import { followupFeature } from '../features/followup/index.js';
import { importFeature } from '../features/import/index.js';
import { mailPreferencesFeature } from '../features/mail-preferences/index.js';
import { openSignOnFeature } from '../features/open-signon/index.js';
import { pressFeature } from '../features/press/index.js';
import { registryFeature } from '../features/registry/index.js';
import { releasesFeature } from '../features/releases/index.js';
import { searchFeature } from '../features/search/index.js';
import { sheetImportFeature } from '../features/sheet-import/index.js';
import { signOnFeature } from '../features/signon/index.js';
import { sitemapFeature } from '../features/sitemap/index.js';
import { statementsFeature } from '../features/statements/index.js';
import { workspaceFeature } from '../features/workspace/index.js';
import type { FeatureManifest } from '../platform/feature.js';

export const features: readonly FeatureManifest[] = [
  accountsFeature,
  registryFeature,
  statementsFeature,
  releasesFeature,
  signOnFeature,
  openSignOnFeature,
  filesFeature,
  followupFeature,
  importFeature,
  pressFeature,
  workspaceFeature,
  feedsFeature,
  sitemapFeature,
  searchFeature,
  apiFeature,
  exportsFeature,
  mailPreferencesFeature,
  sheetImportFeature,
];
