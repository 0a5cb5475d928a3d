#!/bin/sh
# Loading a GPT-2 124M-shaped Hugging Face folder against loading the same weights from our
# own checkpoint (lmwb import-hf), both through `lmwb score` on one short text, in one run.
#   bench/hf_load.sh BUILD_DIR
set -e
B=${1:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 "$(dirname "$0")/gpt2_124m_fixture.py" "$T/gpt2"
"$B/bin/lmwb" import-hf "$T/gpt2" --out "$T/ours" >/dev/null
for dir in "$T/gpt2" "$T/ours" "$T/gpt2" "$T/ours"; do
  s=$(date +%s.%N)
  "$B/bin/lmwb" score "$dir" --text "Hello, world!" --threads 2 --json >/dev/null
  e=$(date +%s.%N)
  echo "$(basename "$dir")	$(echo "$e - $s" | bc) s"
done
