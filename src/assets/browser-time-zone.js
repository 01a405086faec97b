// A zone field with no saved value (data-browser-time-zone) starts at the browser's own zone when the
// list has it, under its current name (data-renamed maps the old names some browsers still report).
// Without this script the field keeps the server's default: the coalition's first common zone.
for (const select of document.querySelectorAll('select[data-browser-time-zone]')) {
  const reported = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const renamed = JSON.parse(select.dataset.renamed || '{}');
  const zone = renamed[reported] || reported;
  if (Array.from(select.options).some((option) => option.value === zone)) select.value = zone;
}
