#!/usr/bin/env bash
# Upload and download of one large file through the portal (tus 1.0 with a SHA-256 checksum per
# PATCH, encrypted staging and storage, streamed decrypting download), and, in the same run, nginx
# accepting (WebDAV PUT) and serving (GET) the same file, all on loopback. Reports MiB/s of each and
# the memory of the portal process (peak RSS per transfer, VmHWM over its life).
# Usage: bench/documents/run.sh [size-MiB=1024] [chunk-MiB=8]
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MIB="${1:-1024}"
CHUNK_MIB="${2:-8}"
EMAIL=staff@demo.example
PASSWORD='Portal-Demo-2026!'

apt_install() {
  apt-get update -qq
  for package in "$@"; do
    apt-get install -y -qq "$package" >/dev/null && return 0
  done
  return 1
}
command -v curl >/dev/null || apt_install curl
command -v python3 >/dev/null || apt_install python3
command -v nginx >/dev/null || apt_install nginx nginx-light
nginx -V 2>&1 | grep -q http_dav_module || { echo "this nginx has no WebDAV module (needed for PUT)" >&2; exit 1; }

T="$(mktemp -d)"
APP="" NGINX="" SAMPLER=""
cleanup() {
  local status=$?
  set +e
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null
  if [ -n "$NGINX" ]; then kill "$NGINX" 2>/dev/null; wait "$NGINX" 2>/dev/null; fi
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null; fi
  if [ "$status" -ne 0 ]; then
    for log in "$T/build.log" "$T/app.log" "$T/nginx/error.log"; do
      [ -s "$log" ] && { echo "--- tail of $(basename "$log")" >&2; tail -n 20 "$log" >&2; }
    done
  fi
  rm -rf "$T"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Room for the source, the portal's copy, nginx's copy and nginx's temporary body (renamed into place).
need=$((SIZE_MIB * 3 + 1024))
free="$(df -Pm "$T" | awk 'NR == 2 {print $4}')"
[ "$free" -ge "$need" ] || { echo "need ${need} MiB free in $T, have ${free} MiB" >&2; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
mib_per_s() { awk -v b="$1" -v s="$2" 'BEGIN {printf "%.0f", b / 1048576 / s}'; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$APP/stat"; }
status_kib() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$APP/status"; }

# Memory of the portal: VmHWM is the peak RSS of its life; writing 5 to /proc/PID/clear_refs resets
# it, so each transfer's exact peak is read after one (where the kernel allows it). VmRSS is also
# sampled every 100 ms while the portal transfers, as a cross-check.
reset_peak() { echo 5 2>/dev/null >"/proc/$APP/clear_refs" && RESET=yes || RESET=no; }
start_sampler() {
  (
    max=0
    while v="$(status_kib VmRSS 2>/dev/null)" && [ -n "$v" ]; do
      if [ "$v" -gt "$max" ]; then max=$v; echo "$max" >"$T/rss.sampled"; fi
      sleep 0.1
    done
  ) &
  SAMPLER=$!
}
stop_sampler() { kill "$SAMPLER" 2>/dev/null; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""; }

# One row of the table: name, bytes, seconds, and for the portal its peak RSS and the CPU it used.
ROWS=()
row() { ROWS+=("$1|$(mib_per_s "$BYTES" "$2")|$2|${3:--}|${4:--}"); }
portal_begin() { reset_peak; CPU0="$(cpu_seconds)"; }
portal_end() {
  PEAK_KIB="$(status_kib VmHWM)"
  [ "$PEAK_KIB" -le "$MAX_HWM_KIB" ] || MAX_HWM_KIB="$PEAK_KIB"
  PORTAL_COLUMNS=("$((PEAK_KIB / 1024))" "$(awk -v a="$CPU0" -v b="$(cpu_seconds)" 'BEGIN {printf "%.1f", b - a}')")
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

echo "building Portal.Web (Release)..." >&2
dotnet build src/Portal.Web/Portal.Web.csproj -c Release -v quiet -nologo >"$T/build.log" 2>&1

echo "generating ${SIZE_MIB} MiB of random data..." >&2
# A QuickBooks backup (.qbb) is what a client really sends in this size; the portal only checks
# that such a file does not start like an executable, so the header keeps the random bytes from
# ever doing so.
SOURCE="$T/backup.qbb"
{ printf 'QuickBooks bench'; head -c $((SIZE_MIB * 1048576 - 16)) /dev/urandom; } >"$SOURCE"
BYTES="$(stat -c %s "$SOURCE")"
SHA="$(python3 bench/documents/transfer.py sha256 "$SOURCE")"

# The portal, as ./run.sh starts it: from src/Portal.Web (its content root, so appsettings.Demo.json
# applies and the demo practice is created), with its data in the temporary folder.
PORT="$(free_port)"
mkdir -p "$T/portal"
(
  cd src/Portal.Web
  ASPNETCORE_ENVIRONMENT=Demo Portal__AppData__Path="$T/portal" Portal__Tenancy__PublicUrl="http://localhost:$PORT" \
    Logging__LogLevel__Default=Warning \
    exec dotnet bin/Release/net10.0/Portal.Web.dll --urls "http://127.0.0.1:$PORT"
) >"$T/app.log" 2>&1 &
APP=$!
BASE="http://127.0.0.1:$PORT"
HOST="demo.localhost:$PORT"
for _ in $(seq 1 240); do
  kill -0 "$APP" 2>/dev/null || { echo "the portal exited during start-up" >&2; exit 1; }
  curl -fs -o /dev/null -H "Host: $HOST" "$BASE/account/signin" && break
  sleep 0.5
done
curl -fs -o /dev/null -H "Host: $HOST" "$BASE/account/signin" || { echo "the demo practice did not answer within 2 minutes" >&2; exit 1; }
STATE="$T/state.json"
python3 bench/documents/transfer.py signin "$BASE" "$HOST" "$EMAIL" "$PASSWORD" "$STATE" >"$T/signin.out"

# Warm-up, untimed: a fresh process JIT-compiles what it runs first, and compiles the busy methods
# again, optimised, after some 30 calls (tiered compilation). A smaller upload in 1 MiB PATCHes and
# two downloads of it run every path of the measured transfers often enough for that to be done.
WARM_MIB=$((SIZE_MIB < 64 ? SIZE_MIB : 64))
head -c $((WARM_MIB * 1048576)) "$SOURCE" >"$T/warm-up.qbb"
cp "$STATE" "$T/warm-up.json"
python3 bench/documents/transfer.py upload "$BASE" "$HOST" "$T/warm-up.json" "$T/warm-up.qbb" 1 >/dev/null
WARM_SHA="$(python3 bench/documents/transfer.py sha256 "$T/warm-up.qbb")"
for _ in 1 2; do python3 bench/documents/transfer.py download "$BASE" "$HOST" "$T/warm-up.json" "$WARM_SHA" >/dev/null; done
# The runtime keeps compiling what start-up and the warm-up ran (tiered compilation, in the
# background) for several seconds: on two cores that would be measured with the first transfer.
# Wait until the portal has been idle for a second (less than 0.05 s of CPU), at most 30 s.
sleep 2
for _ in $(seq 1 30); do
  before="$(cpu_seconds)"; sleep 1
  awk -v a="$before" -v b="$(cpu_seconds)" 'BEGIN {exit !(b - a < 0.05)}' && break
done
IDLE_KIB="$(status_kib VmRSS)"
MAX_HWM_KIB="$(status_kib VmHWM)"  # start-up (migrations, the demo recipe), sign-in and warm-up
LOAD0="$(cut -d' ' -f1-3 /proc/loadavg)"
start_sampler

# 1. Portal upload: POST, then PATCHes of CHUNK_MIB each with "Upload-Checksum: sha256 ...",
#    timed from the POST to the answer to the last PATCH (which completes the document).
portal_begin
out="$(python3 bench/documents/transfer.py upload "$BASE" "$HOST" "$STATE" "$SOURCE" "$CHUNK_MIB")"
portal_end
row "portal upload (tus, $(field patches "$out") PATCHes)" "$(field seconds "$out")" "${PORTAL_COLUMNS[@]}"
PATCHES="$out"

# 2. Portal download, the client hashing what arrives and comparing with the source's SHA-256.
portal_begin
out="$(python3 bench/documents/transfer.py download "$BASE" "$HOST" "$STATE" "$SHA")"
portal_end
row "portal download (SHA-256 checked)" "$(field seconds "$out")" "${PORTAL_COLUMNS[@]}"

# 3. Portal download again with the same client as nginx's GET below: curl into /dev/null.
python3 bench/documents/transfer.py curl "$STATE" >"$T/curl.args"
COOKIE="$(sed -n 1p "$T/curl.args")"; DOWNLOAD="$(sed -n 2p "$T/curl.args")"
portal_begin
read -r code size secs < <(curl -s -o /dev/null -H "Host: $HOST" -H "$COOKIE" -w '%{http_code} %{size_download} %{time_total}\n' "$BASE$DOWNLOAD")
portal_end
[ "$code" = 200 ] && [ "$size" = "$BYTES" ] || { echo "portal download with curl: HTTP $code, $size bytes" >&2; exit 1; }
row "portal download (curl to /dev/null)" "$secs" "${PORTAL_COLUMNS[@]}"

# 4. The same file again, the connection cut twice mid-PATCH (once without a checksum: what arrived
#    is kept; once with one: the chunk is dropped whole); the client asks for the offset (HEAD) and
#    resumes. Then downloaded and checked against the source.
portal_begin
RESUMED="$(python3 bench/documents/transfer.py resume "$BASE" "$HOST" "$STATE" "$SOURCE" "$CHUNK_MIB")"
portal_end
row "portal upload, connection cut twice" "$(field seconds "$RESUMED")" "${PORTAL_COLUMNS[@]}"
python3 bench/documents/transfer.py download "$BASE" "$HOST" "$STATE" "$SHA" >/dev/null
stop_sampler
SAMPLED_KIB="$(cat "$T/rss.sampled")"
[ "$SAMPLED_KIB" -le "$MAX_HWM_KIB" ] || MAX_HWM_KIB="$SAMPLED_KIB"

# 5. nginx on loopback: a throwaway configuration, in the foreground, everything under $T/nginx.
NPORT="$(free_port)"
mkdir -p "$T/nginx/www/files"
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"  # workers would otherwise run as nobody, who cannot write here
cat >"$T/nginx/nginx.conf" <<EOF
$user_line
daemon off;
worker_processes 1;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  default_type application/octet-stream;
  sendfile on;
  client_body_temp_path $T/nginx/body;
  proxy_temp_path $T/nginx/proxy;
  fastcgi_temp_path $T/nginx/fastcgi;
  uwsgi_temp_path $T/nginx/uwsgi;
  scgi_temp_path $T/nginx/scgi;
  server {
    listen 127.0.0.1:$NPORT;
    root $T/nginx/www;
    client_max_body_size 0;
    location /files/ {
      dav_methods PUT;
      dav_access user:rw;
    }
  }
}
EOF
nginx -p "$T/nginx" -c "$T/nginx/nginx.conf" -e "$T/nginx/error.log" &
NGINX=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$NPORT/" && break; sleep 0.1; done

read -r code size secs < <(curl -s -o /dev/null -T "$SOURCE" -H 'Expect:' -w '%{http_code} %{size_upload} %{time_total}\n' "http://127.0.0.1:$NPORT/files/backup.qbb")
[[ "$code" = 201 || "$code" = 204 ]] && [ "$size" = "$BYTES" ] || { echo "nginx PUT: HTTP $code, $size bytes" >&2; exit 1; }
[ "$(python3 bench/documents/transfer.py sha256 "$T/nginx/www/files/backup.qbb")" = "$SHA" ] || { echo "nginx stored another file" >&2; exit 1; }
row "nginx PUT (curl -T, WebDAV)" "$secs"

read -r code size secs < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' "http://127.0.0.1:$NPORT/files/backup.qbb")
[ "$code" = 200 ] && [ "$size" = "$BYTES" ] || { echo "nginx GET: HTTP $code, $size bytes" >&2; exit 1; }
row "nginx GET (curl to /dev/null)" "$secs"

echo "$SIZE_MIB MiB random file, ${CHUNK_MIB} MiB tus chunks, loopback, $(nproc) cores, $(date -u +%F)"
echo "load average before: $LOAD0, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| transfer                             |  MiB/s |  seconds | portal peak RSS (MiB) | portal CPU (s) |"
echo "|--------------------------------------|--------|----------|-----------------------|----------------|"
for r in "${ROWS[@]}"; do
  IFS='|' read -r name rate secs rss cpu <<<"$r"
  printf '| %-36s | %6s | %8.2f | %21s | %14s |\n' "$name" "$rate" "$secs" "$rss" "$cpu"
done
[ "$RESET" = yes ] || echo "(the kernel did not let VmHWM be reset: each peak is the process's peak so far)"
echo "portal process: peak RSS $((MAX_HWM_KIB / 1024)) MiB over its life (VmHWM, start-up included);" \
  "RSS $((IDLE_KIB / 1024)) MiB after start-up, sign-in and warm-up; highest RSS sampled during the transfers $((SAMPLED_KIB / 1024)) MiB"
echo "tus PATCHes of ${CHUNK_MIB} MiB: the first 8 took $(field first8_ms "$PATCHES") ms each, the last 8 before the final one" \
  "$(field last8_ms "$PATCHES") ms each; the final PATCH (which also completes the document) $(field final_patch "$PATCHES") s"
echo "interrupted upload: $(tr ' ' '\n' <<<"$RESUMED" | grep '^cut_at=' | tr '\n' ' ')(offsets in bytes; both downloads checked)"
echo "SHA-256 of the downloads equals the source's; nginx's stored copy equals it too"
