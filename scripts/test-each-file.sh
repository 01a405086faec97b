#!/usr/bin/env bash
# Runs every test file on its own (one `vitest run FILE` each), so a test that only passes because
# another file or test ran first shows up. Prints one line per file and exits 1 if any failed.
#
#   bash scripts/test-each-file.sh              # every file vitest would run
#   bash scripts/test-each-file.sh features/    # only files whose path contains "features/"
#   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test bash scripts/test-each-file.sh
#
# The file list comes from vitest itself (`vitest list --filesOnly`), so it follows vitest.config.ts
# and any files moved or added. TEST_DATABASE_URL, CHROMIUM_PATH etc. pass through to each run.
# Each file's full output is kept in $TEST_EACH_LOG_DIR (default: a new temporary directory).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
filter="${1:-}"
log_dir="${TEST_EACH_LOG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/puente-test-each.XXXXXX")}"
mkdir -p "$log_dir"

if ! all_files="$(npx vitest list --filesOnly 2>"$log_dir/list.err")"; then
  echo "could not list the test files (vitest list --filesOnly):" >&2
  cat "$log_dir/list.err" >&2
  exit 2
fi
files=()
while IFS= read -r file; do
  [[ -n "$file" && "$file" == *"$filter"* ]] && files+=("$file")
done < <(printf '%s\n' "$all_files" | sort)
if ((${#files[@]} == 0)); then
  echo "no test files match '${filter}'" >&2
  exit 2
fi

engines="pglite"
[[ -n "${TEST_DATABASE_URL:-}" ]] && engines="pglite and postgres"
echo "Running ${#files[@]} test files one at a time (engines: ${engines}; logs in ${log_dir})"

failed=()
start_all=$SECONDS
for file in "${files[@]}"; do
  log="$log_dir/$(printf '%s' "$file" | tr '/' '_').log"
  start=$(date +%s.%N)
  # A filter is a substring of the path; "./" is dropped by vitest, so pass the path as listed.
  npx vitest run "$file" </dev/null >"$log" 2>&1
  status=$?
  secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  # `vitest run a/b.test.ts` would also run x/a/b.test.ts; say so rather than hide it.
  ran=$(grep -aoE 'Test Files +[^(]*\(([0-9]+)\)' "$log" | grep -oE '\(([0-9]+)\)' | tr -d '()' | tail -n 1)
  note=""
  [[ -n "$ran" && "$ran" != "1" ]] && note=" (the path also matched other files: ${ran} ran)"
  if ((status == 0)); then
    printf 'PASS %7ss  %s%s\n' "$secs" "$file" "$note"
  else
    printf 'FAIL %7ss  %s%s  (log: %s)\n' "$secs" "$file" "$note" "$log"
    failed+=("$file")
  fi
done

echo "${#files[@]} files in $((SECONDS - start_all)) s: $((${#files[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
if ((${#failed[@]} > 0)); then
  echo "Failed when run alone:"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
