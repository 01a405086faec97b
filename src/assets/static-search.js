// The static copy's search page (features/static-export): pagefind's UI over the index written beside
// the pages. The copy may be hosted under any path, so the site's root is found from this script's own
// address (it lives at <root>/assets/); a `?q=` (the site's search form, a shared link) searches at once.
const root = new URL('../', document.currentScript.src);
const ui = new PagefindUI({
  element: '#search',
  bundlePath: new URL('pagefind/', root).pathname,
  baseUrl: root.pathname,
  showSubResults: true,
  showImages: false,
});
const query = new URLSearchParams(window.location.search).get('q');
if (query) ui.triggerSearch(query);
