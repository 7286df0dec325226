// The document uploader: a transfer queue that sends each file with the tus 1.0 protocol to
// /uploads. Chunks carry a SHA-256 checksum; a dropped connection is retried from the offset the
// server confirms (HEAD), and a file added again after a reload resumes where it stopped. When a
// batch is done, the document list on the page is fetched again in place (same folder, sort and
// page) and the new files are highlighted in it.
(function () {
  "use strict";

  var CHUNK = 8 * 1024 * 1024;
  var MAX_RETRIES = 8;


  // Refusals are problem details (RFC 9457): their "detail" is the sentence for the person.
  function refusal(xhr) {
    try {
      var problem = JSON.parse(xhr.responseText);
      if (problem && problem.detail) { return problem.detail; }
    } catch (notJson) { /* fall through */ }
    return xhr.responseText || "The upload was refused (" + xhr.status + ").";
  }
  function b64(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary);
  }

  function formatSize(bytes) {
    if (bytes < 1024) { return bytes + " B"; }
    if (bytes < 1048576) { return (bytes / 1024).toFixed(1) + " KB"; }
    if (bytes < 1073741824) { return (bytes / 1048576).toFixed(1) + " MB"; }
    return (bytes / 1073741824).toFixed(2) + " GB";
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  async function sha256(buffer) {
    var digest = await crypto.subtle.digest("SHA-256", buffer);
    var bytes = new Uint8Array(digest);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary);
  }

  // XMLHttpRequest, because fetch reports no upload progress.
  function send(method, url, headers, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      Object.keys(headers).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
      if (onProgress && xhr.upload) {
        xhr.upload.onprogress = function (event) { onProgress(event.loaded); };
      }
      xhr.onload = function () { resolve(xhr); };
      xhr.onerror = function () { reject(new Error("network")); };
      xhr.onabort = function () { reject(new Error("aborted")); };
      xhr.send(body);
    });
  }

  function Uploader(root) {
    this.root = root;
    this.endpoint = root.getAttribute("data-endpoint");
    this.client = root.getAttribute("data-client");
    this.completeBase = root.getAttribute("data-complete");
    this.token = root.getAttribute("data-antiforgery");
    // A document request's item the files answer (the Tasks module's request page); checked by the server.
    this.requestItem = root.getAttribute("data-request-item");
    this.folder = root.querySelector("[data-folder]");
    this.list = root.querySelector("[data-queue]");
    this.queue = [];
    this.running = false;
    this.bind();
    // Until this is set, files chosen go nowhere (the script loads deferred); tests and styles can tell.
    root.setAttribute("data-ready", "");
  }

  Uploader.prototype.bind = function () {
    var self = this;
    var zone = this.root.querySelector("[data-dropzone]");
    var input = this.root.querySelector("[data-files]");
    input.addEventListener("change", function () { self.add(input.files); input.value = ""; });
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("is-dragging"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.remove("is-dragging"); });
    });
    zone.addEventListener("drop", function (event) { self.add(event.dataTransfer.files); });
    zone.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); input.click(); }
    });
  };

  Uploader.prototype.add = function (files) {
    if (!files || files.length === 0) { return; }
    var batch = crypto.randomUUID();
    var folder = this.folder ? this.folder.value : "";
    var folderName = this.folder && this.folder.selectedIndex >= 0 ? this.folder.options[this.folder.selectedIndex].text : "";
    for (var i = 0; i < files.length; i++) {
      this.queue.push(this.item(files[i], batch, folder));
    }
    this.queue.push({ batchEnd: batch, folder: folder, folderName: folderName });
    this.run();
  };

  Uploader.prototype.item = function (file, batch, folder) {
    var li = document.createElement("li");
    li.className = "transfer";
    li.setAttribute("data-transfer", file.name);
    li.innerHTML = '<span class="transfer-name"></span> <span class="transfer-size muted"></span>' +
      '<progress max="100" value="0"></progress> <span class="transfer-status" role="status">Waiting</span>';
    li.querySelector(".transfer-name").textContent = file.name;
    li.querySelector(".transfer-size").textContent = formatSize(file.size);
    this.list.appendChild(li);
    return { file: file, batch: batch, folder: folder, li: li };
  };

  Uploader.prototype.run = async function () {
    if (this.running) { return; }
    this.running = true;
    var sent = {};
    while (this.queue.length > 0) {
      var next = this.queue.shift();
      if (next.batchEnd) {
        if (sent[next.batchEnd]) { await this.complete(next, sent[next.batchEnd]); }
        continue;
      }
      try {
        var result = await this.upload(next);
        (sent[next.batch] = sent[next.batch] || []).push(result.version);
        this.status(next, describeOutcome(result.outcome), "is-done", 100);
      } catch (error) {
        this.status(next, error.message || "Failed", "is-failed");
      }
    }
    this.running = false;
  };

  Uploader.prototype.status = function (item, text, state, percent) {
    var progress = item.li.querySelector("progress");
    item.li.querySelector(".transfer-status").textContent = text;
    if (state) { item.li.classList.add(state); item.li.setAttribute("data-state", state); }
    if (percent !== undefined) { progress.value = percent; }
    // A refused file was not kept, however many of its bytes went out: no bar that looks finished.
    if (state === "is-failed") { progress.hidden = true; }
  };

  Uploader.prototype.key = function (item) {
    return "portal-upload:" + this.client + ":" + item.folder + ":" + (this.requestItem || "") + ":" + item.file.name + ":" + item.file.size + ":" + item.file.lastModified;
  };

  Uploader.prototype.upload = async function (item) {
    var file = item.file;
    var headers = { "Tus-Resumable": "1.0.0" };
    var location = localStorage.getItem(this.key(item));
    var offset = 0;
    var version = null;
    var outcome = null;
    if (location) {
      var head = await send("HEAD", location, headers, null);
      if (head.status === 200) {
        offset = parseInt(head.getResponseHeader("Upload-Offset"), 10);
        version = head.getResponseHeader("Portal-Document-Version");
        this.status(item, "Resuming", null, Math.floor(offset * 100 / Math.max(file.size, 1)));
      } else {
        location = null;
      }
    }
    if (!location) {
      var metadata = "filename " + b64(file.name) + ",clientId " + b64(this.client) + ",batchId " + b64(item.batch) +
        (item.folder ? ",folderId " + b64(item.folder) : "") +
        (this.requestItem ? ",requestItemId " + b64(this.requestItem) : "");
      var creation = Object.assign({ "Upload-Length": String(file.size), "Upload-Metadata": metadata }, headers);
      var created = null;
      if (file.size > 0 && file.size <= CHUNK) {
        // A file of one chunk goes with its creation (tus creation-with-upload): one request, not two.
        var whole = await file.arrayBuffer();
        this.status(item, "Sending", null);
        try {
          created = await send("POST", this.endpoint, Object.assign({
            "Content-Type": "application/offset+octet-stream",
            "Upload-Checksum": "sha256 " + await sha256(whole)
          }, creation), whole, function (loaded) {
            item.li.querySelector("progress").value = Math.floor(loaded * 100 / file.size);
          });
        } catch (networkError) {
          if (networkError.message !== "network") { throw networkError; }
        }
        if (!created || created.status >= 500) {
          // Cut off on the way, or a server hiccup: a bare creation and PATCH, which retries and resumes, do it instead.
          created = null;
          item.li.querySelector("progress").value = 0;
        }
      }
      created = created || await send("POST", this.endpoint, creation, null);
      if (created.status !== 201) { throw new Error(refusal(created)); }
      location = created.getResponseHeader("Location");
      offset = parseInt(created.getResponseHeader("Upload-Offset") || "0", 10);
      version = created.getResponseHeader("Portal-Document-Version");
      outcome = created.getResponseHeader("Portal-Upload-Outcome");
      if (offset < file.size) { localStorage.setItem(this.key(item), location); }
    }

    var retries = 0;
    while (offset < file.size) {
      var chunk = await file.slice(offset, Math.min(offset + CHUNK, file.size)).arrayBuffer();
      var start = offset;
      this.status(item, "Sending", null);
      var response;
      try {
        response = await send("PATCH", location, Object.assign({
          "Content-Type": "application/offset+octet-stream",
          "Upload-Offset": String(offset),
          "Upload-Checksum": "sha256 " + await sha256(chunk)
        }, headers), chunk, function (loaded) {
          item.li.querySelector("progress").value = Math.floor((start + loaded) * 100 / file.size);
        });
      } catch (networkError) {
        response = null;
      }
      if (response && response.status === 204) {
        offset = parseInt(response.getResponseHeader("Upload-Offset"), 10);
        version = response.getResponseHeader("Portal-Document-Version") || version;
        outcome = response.getResponseHeader("Portal-Upload-Outcome") || outcome;
        retries = 0;
        continue;
      }
      if (response && response.status >= 400 && response.status < 500 && response.status !== 409 && response.status !== 460 && response.status !== 423) {
        localStorage.removeItem(this.key(item));
        throw new Error(refusal(response));
      }
      // Lost connection, a server hiccup, a damaged chunk or an offset mismatch: ask where we are and go on.
      if (++retries > MAX_RETRIES) { throw new Error("The connection keeps failing. Add the file again later to resume."); }
      this.status(item, "Connection lost, retrying", null);
      await sleep(Math.min(1000 * Math.pow(2, retries - 1), 30000));
      try {
        var check = await send("HEAD", location, headers, null);
        if (check.status === 200) {
          offset = parseInt(check.getResponseHeader("Upload-Offset"), 10);
          version = check.getResponseHeader("Portal-Document-Version") || version;
        }
        else if (check.status === 404 || check.status === 410) { localStorage.removeItem(this.key(item)); throw new Error("The upload expired. Add the file again."); }
      } catch (headError) {
        if (headError.message !== "network") { throw headError; }
      }
    }
    localStorage.removeItem(this.key(item));
    return { version: version, outcome: outcome };
  };

  // What the server made of the file (Portal-Upload-Outcome): a new document, a new version of the
  // uploader's own document of that name, or nothing because the same file is already there.
  function describeOutcome(outcome) {
    var match = /^(version|unchanged) (\d+)$/.exec(outcome || "");
    if (!match) { return "Sent"; }
    return match[1] === "version"
      ? "Sent: saved as version " + match[2] + " (a file of this name was already here)"
      : "Already here: identical to version " + match[2] + ", nothing added";
  }

  Uploader.prototype.complete = async function (batch, versions) {
    try {
      await fetch(this.completeBase + batch.batchEnd + "/complete", { method: "POST", headers: { "RequestVerificationToken": this.token }, credentials: "same-origin" });
    } catch (ignored) {
      // The server also announces a batch on its own after a quiet period.
    }
    var done = document.createElement("li");
    done.className = "transfer transfer-summary";
    done.setAttribute("role", "status");
    var shown;
    try {
      shown = await this.refresh(versions);
    } catch (failed) {
      shown = -1;
    }
    var count = versions.length === 1 ? "1 file" : versions.length + " files";
    if (this.root.hasAttribute("data-reload-when-done")) {
      // A request's page shows the item's new state: load it again.
      window.location.reload();
      return;
    }
    if (shown === versions.length) {
      done.textContent = "Done. " + count + " sent: highlighted in the list below.";
    } else {
      // The list could not be fetched, or the files went to another folder than the one open (or
      // sorted out of this page): offer the way to them.
      var link = document.createElement("a");
      if (shown < 0) {
        link.href = window.location.href;
        link.textContent = "Reload the page";
      } else {
        link.href = window.location.pathname + (batch.folder ? "?folder=" + encodeURIComponent(batch.folder) : "");
        link.textContent = "Open " + (batch.folderName || "the folder");
      }
      done.append("Done. " + count + " sent. ", link, " to see them.");
    }
    this.list.appendChild(done);
  };

  // Fetches the page's document list again (the same view: folder, sort, page) and swaps it in;
  // returns how many of the given versions it shows, each marked as just added.
  Uploader.prototype.refresh = async function (versions) {
    var current = document.querySelector("[data-document-table]");
    if (!current) { return 0; }
    var response = await fetch(current.getAttribute("data-list-url"), { credentials: "same-origin", headers: { "Accept": "text/html" } });
    if (!response.ok) { throw new Error("The list could not be loaded (" + response.status + ")."); }
    var page = new DOMParser().parseFromString(await response.text(), "text/html");
    var next = page.querySelector("[data-document-table]");
    if (!next) { throw new Error("The page has no document list."); }
    next = document.adoptNode(next);
    current.replaceWith(next);
    if (window.Portal && window.Portal.labelTables) { window.Portal.labelTables(next); }
    var shown = 0;
    versions.forEach(function (version) {
      var row = version && next.querySelector("tr[data-version='" + version + "']");
      if (row) { row.classList.add("is-added"); shown++; }
    });
    return shown;
  };

  document.querySelectorAll("[data-uploader]").forEach(function (root) { new Uploader(root); });
})();
