#!/usr/bin/env bash
# Installs (when missing) and starts the real servers the test suites use:
#   PostgreSQL (Debian's, newest installed; own cluster on port 55432), an SMTP server (python3-aiosmtpd, port 2525, writing a
#   Maildir) and a second one (port 2526, its own Maildir: a practice's own server), Chromium for Playwright, s3rver (npm)
#   for S3-compatible storage, and ClamAV's clamd (Debian's clamav-daemon; own instance on port 3310 with a local EICAR
#   signature, since no database can be downloaded here).
# Writes the connection settings to $PORTAL_TEST_HOME/test.env, which test.sh sources.
# Usage: scripts/test-services.sh start|stop|sweep
#   sweep drops the test databases and folders earlier runs left (the test runner can end a test process
#   before its run-long applications are disposed); test.sh runs it before the suites.
set -euo pipefail

PORTAL_TEST_HOME="${PORTAL_TEST_HOME:-/tmp/portal-test}"
PG_PORT="${PORTAL_TEST_PG_PORT:-55432}"
SMTP_PORT="${PORTAL_TEST_SMTP_PORT:-2525}"
SMTP2_PORT="${PORTAL_TEST_SMTP2_PORT:-2526}"
S3_PORT="${PORTAL_TEST_S3_PORT:-4569}"
CLAMD_PORT="${PORTAL_TEST_CLAMD_PORT:-3310}"
PG_DATA="$PORTAL_TEST_HOME/pg"
MAILDIR="$PORTAL_TEST_HOME/maildir"
MAILDIR2="$PORTAL_TEST_HOME/maildir2"
TOOLS="$PORTAL_TEST_HOME/tools"
CLAMD_HOME="$PORTAL_TEST_HOME/clamd"
# clamd spools each INSTREAM to a temporary file: keep those copies of uploaded plaintext in memory (tmpfs).
CLAMD_TMP="/dev/shm/portal-test-clamd"

log() { printf '[test-services] %s\n' "$*"; }

need_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql)
  /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
  [ -x /usr/sbin/clamd ] || missing+=(clamav-daemon)
  # The report tests open the xlsx in LibreOffice Calc.
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Packaged services (Debian's own clamd and freshclam) must not start on install: the tests run their own.
    local held=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; held=1
    fi
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
    [ -z "$held" ] || rm -f /usr/sbin/policy-rc.d
  fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }

start_postgres() {
  local bin; bin="$(pg_bin)"
  mkdir -p "$PORTAL_TEST_HOME"
  if [ ! -s "$PG_DATA/PG_VERSION" ]; then
    log "creating PostgreSQL cluster in $PG_DATA"
    rm -rf "$PG_DATA"; mkdir -p "$PG_DATA"; chown postgres:postgres "$PG_DATA"
    runuser -u postgres -- "$bin/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
  fi
  touch "$PORTAL_TEST_HOME/pg.log"; chown postgres:postgres "$PORTAL_TEST_HOME/pg.log"
  if ! runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    # Only a stopped cluster: a running one owns its files, and a chown beside it raced its own deletions.
    chown -R postgres:postgres "$PG_DATA"
    log "starting PostgreSQL on port $PG_PORT"
    # Test data is disposable: skip durability work to keep the suite fast.
    runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DATA" -l "$PORTAL_TEST_HOME/pg.log" -w -t 60 \
      -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  fi
  runuser -u postgres -- psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
    "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='portal') THEN CREATE ROLE portal LOGIN SUPERUSER PASSWORD 'portal'; END IF; END \$\$;" >/dev/null
}

# start_smtp NAME PORT MAILDIR: one aiosmtpd writing a Maildir, its pid in $PORTAL_TEST_HOME/NAME.pid.
start_smtp() {
  local name="$1" port="$2" maildir="$3"
  mkdir -p "$maildir"/{cur,new,tmp}
  if [ -f "$PORTAL_TEST_HOME/$name.pid" ] && kill -0 "$(cat "$PORTAL_TEST_HOME/$name.pid")" 2>/dev/null; then
    return
  fi
  log "starting SMTP server (aiosmtpd) on port $port, Maildir $maildir"
  nohup /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$maildir" \
    >"$PORTAL_TEST_HOME/$name.log" 2>&1 &
  echo $! >"$PORTAL_TEST_HOME/$name.pid"
  for _ in $(seq 1 50); do
    (echo > "/dev/tcp/127.0.0.1/$port") >/dev/null 2>&1 && return
    sleep 0.1
  done
  log "SMTP server $name did not start"; cat "$PORTAL_TEST_HOME/$name.log"; exit 1
}

start_s3() {
  mkdir -p "$TOOLS" "$PORTAL_TEST_HOME/s3"
  if [ ! -x "$TOOLS/node_modules/.bin/s3rver" ]; then
    log "installing s3rver from npm"
    (cd "$TOOLS" && npm install --silent --no-audit --no-fund s3rver@3 >/dev/null)
  fi
  if [ -f "$PORTAL_TEST_HOME/s3.pid" ] && kill -0 "$(cat "$PORTAL_TEST_HOME/s3.pid")" 2>/dev/null; then
    return
  fi
  log "starting s3rver on port $S3_PORT"
  nohup "$TOOLS/node_modules/.bin/s3rver" -d "$PORTAL_TEST_HOME/s3" -a 127.0.0.1 -p "$S3_PORT" --silent \
    >"$PORTAL_TEST_HOME/s3.log" 2>&1 &
  echo $! >"$PORTAL_TEST_HOME/s3.pid"
  for _ in $(seq 1 100); do
    (echo > "/dev/tcp/127.0.0.1/$S3_PORT") >/dev/null 2>&1 && return
    sleep 0.1
  done
  log "s3rver did not start"; cat "$PORTAL_TEST_HOME/s3.log"; exit 1
}

# clamd answers PONG on its TCP socket once its signatures are loaded.
clamd_answers() {
  local reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$CLAMD_PORT" || return 1
  printf 'zPING\0' >&3
  IFS= read -r -d '' -t 2 reply <&3 || true
  exec 3<&- 3>&-
  [ "$reply" = PONG ]
}

start_clamd() {
  mkdir -p "$CLAMD_HOME/db" "$CLAMD_TMP"
  # The EICAR test string (https://www.eicar.org), anywhere in a file; written as hex so no scanner flags this script.
  printf 'Eicar-Test-Signature:0:*:%s\n' \
    58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a \
    >"$CLAMD_HOME/db/portal-test.ndb"
  # Limits: streams up to 64 MiB; a file over a scan limit is reported (Heuristics.Limits.Exceeded), never passed as clean.
  cat >"$CLAMD_HOME/clamd.conf" <<CONF
TCPSocket $CLAMD_PORT
TCPAddr 127.0.0.1
Foreground false
PidFile $CLAMD_HOME/clamd.pid
LogFile $CLAMD_HOME/clamd.log
DatabaseDirectory $CLAMD_HOME/db
TemporaryDirectory $CLAMD_TMP
StreamMaxLength 64M
MaxFileSize 64M
MaxScanSize 256M
AlertExceedsMax yes
Bytecode no
SelfCheck 0
CONF
  if [ -f "$CLAMD_HOME/clamd.pid" ] && kill -0 "$(cat "$CLAMD_HOME/clamd.pid")" 2>/dev/null && clamd_answers 2>/dev/null; then
    return
  fi
  log "starting clamd on port $CLAMD_PORT (signatures in $CLAMD_HOME/db)"
  rm -f "$CLAMD_HOME/clamd.pid"
  /usr/sbin/clamd -c "$CLAMD_HOME/clamd.conf"
  for _ in $(seq 1 100); do
    clamd_answers 2>/dev/null && return
    sleep 0.1
  done
  log "clamd did not answer PING"; tail -n 20 "$CLAMD_HOME/clamd.log"; exit 1
}

write_env() {
  cat >"$PORTAL_TEST_HOME/test.env" <<ENV
export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=portal;Password=portal;Database=postgres"
export PORTAL_TEST_SMTP_PORT=$SMTP_PORT
export PORTAL_TEST_MAILDIR=$MAILDIR
export PORTAL_TEST_SMTP2_PORT=$SMTP2_PORT
export PORTAL_TEST_MAILDIR2=$MAILDIR2
export PORTAL_TEST_S3_URL=http://127.0.0.1:$S3_PORT
export PORTAL_TEST_CHROMIUM=/usr/bin/chromium
export PORTAL_TEST_CLAMD_PORT=$CLAMD_PORT
ENV
}

sweep() {
  local db
  runuser -u postgres -- psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
    "SELECT datname FROM pg_database WHERE datname LIKE 'portal\_test\_%' OR datname LIKE 'portal\_e2e\_%'" |
    while read -r db; do
      [ -n "$db" ] && runuser -u postgres -- psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null
    done
  rm -rf "${TMPDIR:-/tmp}/portal-tests"
}

stop_all() {
  local bin; bin="$(pg_bin)"
  [ -d "$PG_DATA" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
  for name in smtp smtp2 s3; do
    [ -f "$PORTAL_TEST_HOME/$name.pid" ] && kill "$(cat "$PORTAL_TEST_HOME/$name.pid")" 2>/dev/null || true
    rm -f "$PORTAL_TEST_HOME/$name.pid"
  done
  [ -f "$CLAMD_HOME/clamd.pid" ] && kill "$(cat "$CLAMD_HOME/clamd.pid")" 2>/dev/null || true
  rm -f "$CLAMD_HOME/clamd.pid"
}

case "${1:-start}" in
  start)
    need_packages
    start_postgres
    start_smtp smtp "$SMTP_PORT" "$MAILDIR"
    start_smtp smtp2 "$SMTP2_PORT" "$MAILDIR2"
    start_s3
    start_clamd
    write_env
    log "ready (settings in $PORTAL_TEST_HOME/test.env)"
    ;;
  stop) stop_all ;;
  sweep) sweep ;;
  *) echo "usage: $0 start|stop|sweep" >&2; exit 2 ;;
esac
