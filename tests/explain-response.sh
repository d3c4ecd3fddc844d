#!/bin/sh
# explain-response.sh SAFECASE: what a council administrator runs to test
# its file. A scenario gives the steps, one per line, "id<TAB>title<TAB>due
# <TAB>applies|may-apply", due in London time with its offset; a bad
# scenario (unknown answer, no offset, 100,000 levels deep, 50 MB) gives
# "FILE: …" and exit status 1; --procedure names the file to test.
set -u
safecase=$1
dir=$(mktemp -d "${TMPDIR:-/tmp}/explain.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fail=0
tab=$(printf '\t')

say_fail () { echo "not ok: $*"; fail=1; case_fail=1; }
say_ok () { [ $case_fail -eq 0 ] && echo "ok: $1"; case_fail=0; }
case_fail=0

# A staff member grooming a 14-year-old, disclosed on the Friday before the
# clocks change: the LADO's working day ends on Monday at 3 pm summer time;
# whether the adult works with children is not known, so the LADO may apply.
cat > "$dir/grooming.json" <<'JSON'
{"area": "sexual", "incident_type": ["grooming"], "involvement": "adult-on-child",
 "location": "home", "child_age": 14, "adult_works_with_children": "unknown",
 "discovered_at": "2026-03-27T15:00:00+00:00"}
JSON
out=$("$safecase" --explain-response "$dir/grooming.json" 2>&1) || say_fail "grooming: exit status $?: $out"
printf '%s\n' "$out" | grep -qx "lado${tab}Refer to the LADO${tab}2026-03-30T15:00:00+01:00${tab}may-apply" \
  || say_fail "grooming: no LADO line due 2026-03-30T15:00:00+01:00: $out"
printf '%s\n' "$out" | grep -qx "police-sexual${tab}[^${tab}]*${tab}${tab}applies" \
  || say_fail "grooming: no police step that applies: $out"
[ "$(printf '%s\n' "$out" | head -n 1 | cut -f 1)" = "immediate-danger" ] \
  || say_fail "grooming: the first step is not immediate-danger: $out"
[ "$(printf '%s\n' "$out" | tail -n 1 | cut -f 1)" = "monitoring-form" ] \
  || say_fail "grooming: the last step is not the monitoring form: $out"
if printf '%s\n' "$out" | awk -F "$tab" 'NF != 4 { bad = 1 } END { exit !bad }'; then
  say_fail "grooming: a line without four fields: $out"
fi
say_ok grooming

# Who was involved not answered yet: the police step may apply, never vanishes.
printf '{"area": "sexual", "child_age": 9, "discovered_at": "2026-12-24T16:00:00Z"}' > "$dir/blank.json"
out=$("$safecase" --explain-response "$dir/blank.json" 2>&1) || say_fail "blank: exit status $?"
printf '%s\n' "$out" | grep -q "^police-sexual${tab}.*${tab}may-apply$" \
  || say_fail "blank: the police step is not kept as may-apply: $out"
# Christmas Eve 2026 (a Thursday): Christmas, the weekend and the substitute
# Boxing Day pass before the LADO's working day ends.
printf '%s\n' "$out" | grep -q "^lado${tab}.*${tab}2026-12-29T16:00:00+00:00${tab}" \
  || say_fail "blank: the LADO is not due on 29 December: $out"
say_ok blank

# A council's own file, named with --procedure: its LADO step has no
# condition, so it applies, due two working days on.
cat > "$dir/council.json" <<'JSON'
{"format": 1, "name": "Test council", "contacts": {}, "steps": [
 {"id": "lado-first", "kind": "lado", "title": "Ring the LADO", "guidance": "g", "deadline": {"working_days": 2}},
 {"id": "p", "kind": "police", "title": "Police", "guidance": "g"},
 {"id": "m", "kind": "monitoring-form", "title": "Form", "guidance": "g"}]}
JSON
out=$("$safecase" --explain-response "$dir/grooming.json" --procedure "$dir/council.json" 2>&1) \
  || say_fail "council: exit status $?: $out"
printf '%s\n' "$out" | grep -qx "lado-first${tab}Ring the LADO${tab}2026-03-31T15:00:00+01:00${tab}applies" \
  || say_fail "council: the council's LADO step is not there: $out"
say_ok council

expect_refused () { # FILE EXPECTED-TEXT [ARGS]
  file=$1; expected=$2; shift 2
  out=$("$safecase" --explain-response "$file" "$@" 2>&1)
  status=$?
  if [ $status -ne 1 ]; then
    say_fail "$file gave exit status $status, not 1: $out"
  elif ! printf '%s\n' "$out" | grep -qF "$file:"; then
    say_fail "$file: the message does not start with the file's name: $out"
  elif ! printf '%s\n' "$out" | grep -qF "$expected"; then
    say_fail "$file: expected “$expected” in: $out"
  else
    echo "ok: $out"
  fi
}

printf '{"area": "cyber"}' > "$dir/area.json"
expect_refused "$dir/area.json" "not one of the app's choices"
printf '{"area": "sexual", "discovered_at": "2026-03-27T15:00:00"}' > "$dir/offset.json"
expect_refused "$dir/offset.json" "with its offset"
printf '{"area": "sexual", "who": "x"}' > "$dir/key.json"
expect_refused "$dir/key.json" "is not a scenario key"
head -c 60000 /dev/zero | tr '\0' '[' > "$dir/deep.json"
expect_refused "$dir/deep.json" "nested more than 64 levels deep"
printf '{"area": "sexual",' > "$dir/big.json"
truncate -s 50M "$dir/big.json"
expect_refused "$dir/big.json" "at most 64 KiB"
expect_refused "$dir/missing.json" "cannot be opened"
printf '{"format": 1}' > "$dir/broken-procedure.json"
expect_refused "$dir/broken-procedure.json" "" --procedure "$dir/broken-procedure.json"

exit $fail
