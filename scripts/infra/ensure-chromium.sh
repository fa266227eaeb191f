#!/usr/bin/env bash
# Make Debian's Chromium and a Chinese font ready for the console's browser tests (issue #13):
# installs `chromium` and `fonts-wqy-zenhei` with apt-get when either is missing. Quiet when both
# are there. CHROMIUM_PATH points the tests at another Chromium (then nothing is installed).
set -euo pipefail

die() { printf 'chromium: error: %s\n' "$*" >&2; exit 1; }

if [[ -n ${CHROMIUM_PATH:-} ]]; then
  [[ -x $CHROMIUM_PATH ]] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable."
  exit 0
fi
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
dpkg -s fonts-wqy-zenhei > /dev/null 2>&1 || missing+=(fonts-wqy-zenhei)
(( ${#missing[@]} == 0 )) && exit 0

command -v apt-get > /dev/null 2>&1 || die "apt-get not found: install ${missing[*]} (or set CHROMIUM_PATH) and run this again."
sudo=()
if (( EUID != 0 )); then
  command -v sudo > /dev/null 2>&1 || die "installing ${missing[*]} needs root: run as root or with sudo available."
  sudo=(sudo)
fi
printf 'chromium: installing %s from Debian\n' "${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null ||
  die "apt-get install ${missing[*]} failed; its messages above say why."
