/** The search feature's front door. */
export { searchFeature } from './manifest.js';
export {
  readSearchRequest,
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  type SearchHit,
  type SearchInput,
  type SearchPage,
} from './request.js';
export { search } from './service.js';
export { highlightedHtml, SearchForm } from './views.js';
