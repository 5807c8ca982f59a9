#!/usr/bin/env bash
# Fails, naming the files, when a C++ file of the repository is not formatted
# as the committed .clang-format says (Debian's clang-format). To fix them:
#   clang-format -i $(git ls-files '*.cpp' '*.hpp')
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null 2>&1; then
  echo "check-format: clang-format is not installed (Debian's clang-format package)" >&2
  exit 1
fi
bad=()
while IFS= read -r -d '' file; do
  if ! clang-format --dry-run --Werror "$file" >/dev/null 2>&1; then
    bad+=("$file")
  fi
done < <(find generator tests bench fuzz -name '*.cpp' -o -name '*.hpp' 2>/dev/null | grep -v node_modules | sort | tr '\n' '\0')
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: not formatted as .clang-format says (clang-format -i FILE fixes it):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check-format: every C++ file is formatted"
