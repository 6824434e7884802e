#!/usr/bin/env bash
# Times the manager console's pages on a running 'gymops serve' (docs/BENCHMARKS.md): logs in,
# warms each page up, then prints the median and the slowest of N requests per page.
# Usage: docs/console/measure-pages.sh BASE_URL EMAIL PASSWORD [N] [PAGE ...]
set -euo pipefail
base=$1 email=$2 password=$3 n=${4:-20}
shift $(( $# < 4 ? $# : 4 ))
pages=("$@")
[ ${#pages[@]} -eq 0 ] && pages=(/console /console/approvals /console/runs /console/members?q=lopez /console/outbox /console/outbox?view=sent /console/settings /console/audit)
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
csrf=$(curl -s -c "$jar" -b "$jar" "$base/console/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "email=$email" \
  --data-urlencode "password=$password" "$base/console/login"
run=$(curl -s -b "$jar" "$base/console/runs" | grep -o 'href="/console/runs/run-[^"]*"' | head -1 | sed 's/href="//;s/"$//')
member=$(curl -s -b "$jar" "$base/console/members?q=a" | grep -o 'href="/console/members/[^"]*"' | head -1 | sed 's/href="//;s/"$//')
[ -n "$run" ] && pages+=("$run")
[ -n "$member" ] && pages+=("$member")
printf '%-45s %8s %8s %s\n' page median_ms max_ms status
for page in "${pages[@]}"; do
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$jar" "$base$page"; done
  times=()
  status=
  for _ in $(seq 1 "$n"); do
    out=$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}' "$base$page")
    status=${out% *}
    times+=("$(awk -v t="${out#* }" 'BEGIN{printf "%.1f", t*1000}')")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | awk -v n="$n" 'NR==int((n+1)/2)')
  max=$(echo "$sorted" | tail -1)
  printf '%-45s %8s %8s %s\n' "$page" "$median" "$max" "$status"
done
