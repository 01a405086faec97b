// A zone field with no saved value (data-browser-time-zone) starts at the browser's own zone, under
// its current name (data-renamed maps the old names some browsers still report). The field is typed,
// so any zone the browser reports will do. Without this script the field keeps the server's default:
// the coalition's first common zone.
for (const input of document.querySelectorAll('input[data-browser-time-zone]')) {
  const reported = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const renamed = JSON.parse(input.dataset.renamed || '{}');
  if (reported) input.value = renamed[reported] || reported;
}
