# shellcheck shell=bash
# shellcheck disable=SC2034  # the URL_* globals are read by the scripts that source this
# Helpers shared by scripts/services and scripts/install-chromium. Source it; it defines
# functions only and changes no shell options.

# say MESSAGE... — one line to stdout, prefixed with the script's name.
say() { printf '%s: %s\n' "${SCRIPT_NAME:-hausakte}" "$*"; }
# warn MESSAGE... — one line to stderr.
warn() { printf '%s: warning: %s\n' "${SCRIPT_NAME:-hausakte}" "$*" >&2; }
# die MESSAGE... — one line to stderr, exit 1.
die() {
  printf '%s: %s\n' "${SCRIPT_NAME:-hausakte}" "$*" >&2
  exit 1
}

# with_timeout SECONDS CMD... — run CMD, killed after SECONDS when coreutils' timeout exists.
with_timeout() {
  local secs="$1"
  shift
  if command -v timeout >/dev/null 2>&1; then
    timeout "$secs" "$@"
  else
    "$@"
  fi
}

# is_root_debian — true when we are root and apt-get/dpkg-query are there.
is_root_debian() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1
}

# pkg_installed PACKAGE — true when dpkg knows PACKAGE as installed.
pkg_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

# apt_update_once — `apt-get update`, at most once per process tree (exported flag).
apt_update_once() {
  if [ "${HAUSAKTE_APT_UPDATED:-}" = 1 ]; then return 0; fi
  say "apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -q \
    || die "apt-get update failed (is a Debian mirror reachable?)"
  export HAUSAKTE_APT_UPDATED=1
}

# apt_install PACKAGE... — non-interactive install without recommends; dies on failure.
apt_install() {
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q \
    --no-install-recommends "$@" || die "apt-get install $* failed"
}

# url_parse URL — split a URL of the form scheme://[user[:pass]@]host[:port][/path][?query]
# into URL_SCHEME URL_AUTHORITY URL_USER URL_PASS URL_HOST URL_PORT URL_PATH URL_QUERY (globals;
# host of an IPv6 literal without brackets; port empty when absent; query without '?'; user and
# password still percent-encoded).
url_parse() {
  local url="$1" rest authority hostport userinfo
  URL_SCHEME='' URL_AUTHORITY='' URL_USER='' URL_PASS='' URL_HOST='' URL_PORT='' URL_PATH='' URL_QUERY=''
  case "$url" in
    *://*) URL_SCHEME="${url%%://*}" rest="${url#*://}" ;;
    *) return 1 ;;
  esac
  rest="${rest%%#*}"
  if [[ "$rest" == *\?* ]]; then
    URL_QUERY="${rest#*\?}"
    rest="${rest%%\?*}"
  fi
  authority="${rest%%/*}"
  URL_AUTHORITY="$authority"
  if [[ "$rest" == */* ]]; then URL_PATH="/${rest#*/}"; fi
  hostport="$authority"
  if [[ "$authority" == *@* ]]; then
    userinfo="${authority%@*}"
    hostport="${authority##*@}"
    if [[ "$userinfo" == *:* ]]; then
      URL_USER="${userinfo%%:*}"
      URL_PASS="${userinfo#*:}"
    else
      URL_USER="$userinfo"
    fi
  fi
  if [[ "$hostport" == \[* ]]; then
    URL_HOST="${hostport#\[}"
    URL_HOST="${URL_HOST%%\]*}"
    if [[ "$hostport" == *\]:* ]]; then URL_PORT="${hostport##*\]:}"; fi
  elif [[ "$hostport" == *:* ]]; then
    URL_HOST="${hostport%%:*}"
    URL_PORT="${hostport##*:}"
  else
    URL_HOST="$hostport"
  fi
  if [ -n "$URL_PORT" ] && ! [[ "$URL_PORT" =~ ^[0-9]+$ ]]; then return 1; fi
  return 0
}

# is_local_host HOST — loopback names and addresses, or empty (a Unix socket).
is_local_host() {
  case "$1" in
    '' | localhost | localhost.localdomain | ::1 | 0.0.0.0 | 127.* | /* | %2[Ff]*) return 0 ;;
    *) return 1 ;;
  esac
}

# url_decode STRING — undo percent-encoding.
url_decode() {
  local s="${1//\\/\\\\}"
  printf '%b' "${s//%/\\x}"
}

# tcp_open HOST PORT — true when a TCP connection to HOST:PORT succeeds within 3 s.
tcp_open() {
  with_timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}
