#!/usr/bin/env python3
"""The client side of bench/documents/run.sh (Python 3 standard library only).

  transfer.py signin   BASE HOST EMAIL PASSWORD STATE   sign in through the practice's form, pick a client
  transfer.py upload   BASE HOST STATE FILE CHUNK-MiB   tus 1.0 upload, one sha256 checksum per PATCH
  transfer.py resume   BASE HOST STATE FILE CHUNK-MiB   tus upload whose connection is cut twice mid-PATCH, then resumed
  transfer.py download BASE HOST STATE EXPECTED-SHA256  GET the uploaded version, SHA-256 checked on the fly
  transfer.py sha256   FILE                             SHA-256 of a file (hex)
  transfer.py curl     STATE                            the Cookie header and download path, for curl

BASE is where to connect (http://127.0.0.1:PORT); HOST is the Host header that selects the practice
(demo.localhost:PORT). STATE is a small JSON file that carries the session cookies, the client id
and the uploaded version between the steps. Timed steps print "seconds=... bytes=..." and more
key=value pairs on their last line.
"""
import base64
import hashlib
import http.client
import json
import os
import re
import sys
import time
import urllib.parse

BLOCK = 1024 * 1024


class Session:
    """One keep-alive connection to the portal with a minimal cookie jar (name=value, one host)."""

    def __init__(self, base, host, cookies=None):
        url = urllib.parse.urlsplit(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
        self.host = host
        self.cookies = dict(cookies or {})

    def request(self, method, path, body=None, headers=None):
        all_headers = {"Host": self.host}
        if self.cookies:
            all_headers["Cookie"] = cookie_header(self.cookies)
        all_headers.update(headers or {})
        self.conn.request(method, path, body=body, headers=all_headers)
        response = self.conn.getresponse()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                if val == "" or "expires=thu, 01 jan 1970" in value.lower():
                    self.cookies.pop(key.strip(), None)
                else:
                    self.cookies[key.strip()] = val.strip()
        return response

    def text(self, method, path, body=None, headers=None):
        response = self.request(method, path, body, headers)
        return response, response.read().decode("utf-8", "replace")

    def page(self, path):
        """GETs a page that must answer 200; returns its text."""
        response, text = self.text("GET", path)
        if response.status != 200:
            fail(f"GET {path} answered {response.status}")
        return text

    def create_upload(self, size, name, client_id):
        """tus creation; returns the upload's path."""
        response, message = self.text("POST", "/uploads", None, {
            "Tus-Resumable": "1.0.0",
            "Upload-Length": str(size),
            "Upload-Metadata": f"filename {b64(name)},clientId {b64(client_id)}",
        })
        if response.status != 201:
            fail(f"tus creation answered {response.status}: {message}")
        return urllib.parse.urlsplit(response.getheader("Location")).path


def cookie_header(cookies):
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def fail(message):
    print(f"transfer.py: {message}", file=sys.stderr)
    sys.exit(1)


def load(state_file):
    with open(state_file, encoding="utf-8") as f:
        return json.load(f)


def save(state_file, state):
    with open(state_file, "w", encoding="utf-8") as f:
        json.dump(state, f)


def signin(base, host, email, password, state_file):
    s = Session(base, host)
    page = s.page("/account/signin")
    token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page)
    if not token:
        fail("no antiforgery token in the sign-in form")
    form = urllib.parse.urlencode({"Email": email, "Password": password, "__RequestVerificationToken": token.group(1)})
    response, _ = s.text("POST", "/account/signin", form, {"Content-Type": "application/x-www-form-urlencoded"})
    if response.status != 302 or "signin" in (response.getheader("Location") or ""):
        fail(f"sign-in as {email} failed ({response.status}, Location {response.getheader('Location')})")

    # The demo practice's clients, from the staff client list.
    page = s.page("/admin/clients")
    clients = re.findall(r'href="/admin/clients/([0-9a-f-]{36})">([^<]+)<', page)
    if not clients:
        fail("no clients listed on /admin/clients")
    client_id, client_name = next(((i, n) for i, n in clients if n.strip() == "Harbour Bakery Ltd"), clients[0])
    save(state_file, {"cookies": s.cookies, "clientId": client_id, "clientName": client_name.strip()})
    print(f"client={client_id} name={client_name.strip()!r}")


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def upload(base, host, state_file, path, chunk_mib):
    state = load(state_file)
    size = os.path.getsize(path)
    chunk = int(chunk_mib * BLOCK)

    # The checksums are the client's work, not the server's: computed before the clock starts.
    checksums = []
    with open(path, "rb") as f:
        while True:
            data = f.read(chunk)
            if not data:
                break
            checksums.append(base64.b64encode(hashlib.sha256(data).digest()).decode("ascii"))

    s = Session(base, host, state["cookies"])
    tus = {"Tus-Resumable": "1.0.0"}
    name = os.path.basename(path)
    buffer = bytearray(chunk)
    start = time.perf_counter()
    location = s.create_upload(size, name, state["clientId"])
    offset = 0
    patches = 0
    version = None
    durations = []
    with open(path, "rb", buffering=0) as f:
        while offset < size:
            n = f.readinto(buffer)
            body = memoryview(buffer)[:n]
            sent = time.perf_counter()
            try:
                response, message = s.text("PATCH", location, body, {
                    **tus,
                    "Content-Type": "application/offset+octet-stream",
                    "Upload-Offset": str(offset),
                    "Upload-Checksum": f"sha256 {checksums[patches]}",
                })
            except (ConnectionError, http.client.HTTPException) as error:
                fail(f"the portal dropped the PATCH of {n} bytes at offset {offset}: {error!r}")
            durations.append(time.perf_counter() - sent)
            if response.status != 204:
                fail(f"PATCH at offset {offset} answered {response.status}: {message.strip()}")
            reached = int(response.getheader("Upload-Offset"))
            if reached != offset + n:
                fail(f"PATCH at offset {offset} with {n} bytes reached {reached}")
            offset = reached
            patches += 1
            version = response.getheader("Portal-Document-Version") or version
    seconds = time.perf_counter() - start
    if not version:
        fail("the last PATCH named no document version (Portal-Document-Version)")
    state["versionId"] = version
    save(state_file, state)
    # The last PATCH also completes the upload (one pass over the staged file): shown apart. The
    # first and last eight of the others show whether a PATCH costs more as the upload grows.
    others, final = durations[:-1] or [0.0], durations[-1]
    first, last = others[:8], others[-8:]
    print(f"seconds={seconds:.3f} bytes={size} patches={patches} final_patch={final:.3f}"
          f" first8_ms={1000 * sum(first) / len(first):.0f} last8_ms={1000 * sum(last) / len(last):.0f} version={version}")


def cut_patch(base, host, cookies, location, offset, body, checksum):
    """Sends a PATCH's headers and half its body, then drops the connection (a network failure)."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    conn.putrequest("PATCH", location, skip_host=True)
    headers = {
        "Host": host,
        "Cookie": cookie_header(cookies),
        "Tus-Resumable": "1.0.0",
        "Content-Type": "application/offset+octet-stream",
        "Upload-Offset": str(offset),
        "Content-Length": str(len(body)),
    }
    if checksum:
        headers["Upload-Checksum"] = f"sha256 {checksum}"
    for name, value in headers.items():
        conn.putheader(name, value)
    conn.endheaders()
    conn.send(body[: len(body) // 2])
    time.sleep(0.3)
    conn.sock.close()


def resume(base, host, state_file, path, chunk_mib):
    """Uploads FILE with the connection cut twice: once mid-PATCH without a checksum (what arrived is
    kept) and once mid-PATCH with one (the chunk is dropped whole); each time the client asks the
    server for the offset (HEAD) and carries on from there. The download is then checked by the caller."""
    state = load(state_file)
    size = os.path.getsize(path)
    chunk = int(chunk_mib * BLOCK)
    s = Session(base, host, state["cookies"])
    tus = {"Tus-Resumable": "1.0.0"}
    name = "resumed-" + os.path.basename(path)
    start = time.perf_counter()
    location = s.create_upload(size, name, state["clientId"])
    cuts = {size // 3: False, 2 * size // 3: True}  # where to cut: with a checksum or not
    notes = []
    offset = 0
    version = None
    with open(path, "rb", buffering=0) as f:
        while offset < size:
            f.seek(offset)
            body = f.read(min(chunk, size - offset))
            checksum = base64.b64encode(hashlib.sha256(body).digest()).decode("ascii")
            due = [at for at in cuts if offset <= at < offset + len(body)]
            if due:
                with_checksum = cuts.pop(due[0])
                cut_patch(base, host, s.cookies, location, offset, body, checksum if with_checksum else None)
                s = Session(base, host, s.cookies)
                for _ in range(50):
                    response, _ = s.text("HEAD", location, None, tus)
                    if response.status == 200:
                        break
                    time.sleep(0.2)  # the server may still be finishing the cut request
                if response.status != 200:
                    fail(f"HEAD after the cut answered {response.status}")
                reached = int(response.getheader("Upload-Offset"))
                kept = reached - offset
                if with_checksum and kept != 0:
                    fail(f"a checksummed chunk cut mid-way kept {kept} bytes")
                if not with_checksum and not 0 < kept < len(body):
                    fail(f"a chunk cut mid-way without a checksum kept {kept} of {len(body)} bytes")
                notes.append(f"cut_at={offset}+{len(body) // 2}{'(checksum)' if with_checksum else ''}->resumed_from={reached}")
                offset = reached
                continue
            response, message = s.text("PATCH", location, body, {
                **tus, "Content-Type": "application/offset+octet-stream",
                "Upload-Offset": str(offset), "Upload-Checksum": f"sha256 {checksum}",
            })
            if response.status != 204:
                fail(f"PATCH at offset {offset} answered {response.status}: {message.strip()}")
            offset = int(response.getheader("Upload-Offset"))
            version = response.getheader("Portal-Document-Version") or version
    seconds = time.perf_counter() - start
    if cuts or not version:
        fail("the upload ended without both cuts or without a document version")
    state["versionId"] = version
    save(state_file, state)
    print(f"seconds={seconds:.3f} bytes={size} {' '.join(notes)} version={version}")


def download(base, host, state_file, expected):
    state = load(state_file)
    s = Session(base, host, state["cookies"])
    digest = hashlib.sha256()
    buffer = bytearray(BLOCK)
    view = memoryview(buffer)
    total = 0
    start = time.perf_counter()
    response = s.request("GET", f"/documents/versions/{state['versionId']}/download")
    if response.status != 200:
        fail(f"download answered {response.status}: {response.read()[:300]!r}")
    while True:
        n = response.readinto(buffer)
        if not n:
            break
        digest.update(view[:n])
        total += n
    seconds = time.perf_counter() - start
    got = digest.hexdigest()
    if got != expected:
        fail(f"downloaded {total} bytes with SHA-256 {got}, expected {expected}")
    print(f"seconds={seconds:.3f} bytes={total} sha256=ok")


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as f:
        buffer = bytearray(8 * BLOCK)
        view = memoryview(buffer)
        while n := f.readinto(buffer):
            digest.update(view[:n])
    print(digest.hexdigest())


def curl_args(state_file):
    state = load(state_file)
    print("Cookie: " + cookie_header(state["cookies"]))
    print(f"/documents/versions/{state['versionId']}/download")


if __name__ == "__main__":
    commands = {"signin": (signin, 5), "upload": (upload, 5), "resume": (resume, 5), "download": (download, 4), "sha256": (sha256_file, 1), "curl": (curl_args, 1)}
    if len(sys.argv) < 2 or sys.argv[1] not in commands or len(sys.argv) - 2 != commands[sys.argv[1]][1]:
        fail(__doc__)
    function, _ = commands[sys.argv[1]]
    args = sys.argv[2:]
    if sys.argv[1] in ("upload", "resume"):
        args[-1] = float(args[-1])
    function(*args)
