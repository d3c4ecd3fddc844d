#!/bin/sh
# check-procedure-hostile.sh SAFECASE: the administrator's check refuses a
# file nested 100,000 deep and a 50 MB file with "FILE: …" and exit status 1,
# without crashing or reading the whole file. The files are made here.
set -u
safecase=$1
dir=$(mktemp -d "${TMPDIR:-/tmp}/hostile.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fail=0

expect_refused () { # FILE EXPECTED-TEXT
  out=$("$safecase" --check-procedure "$1" 2>&1)
  status=$?
  if [ $status -ne 1 ]; then
    echo "not ok: $1 gave exit status $status, not 1: $out"; fail=1
  elif ! printf '%s\n' "$out" | grep -qF "$1:"; then
    echo "not ok: $1: the message does not start with the file's name: $out"; fail=1
  elif ! printf '%s\n' "$out" | grep -qF "$2"; then
    echo "not ok: $1: expected “$2” in: $out"; fail=1
  else
    echo "ok: $out"
  fi
}

head -c 100000 /dev/zero | tr '\0' '[' > "$dir/deep.json"
expect_refused "$dir/deep.json" "nested more than 64 levels deep"

{ printf '/* " */'; head -c 300000 /dev/zero | tr '\0' '['; head -c 300000 /dev/zero | tr '\0' ']'; } \
  > "$dir/comment.json"
expect_refused "$dir/comment.json" "plain JSON"

printf '{"format": 1,' > "$dir/big.json"
truncate -s 50M "$dir/big.json"
expect_refused "$dir/big.json" "a procedure file is at most 1 MiB"

expect_refused "$dir/missing.json" "cannot be opened"

exit $fail
