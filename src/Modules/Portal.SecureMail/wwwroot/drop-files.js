// Progressive enhancement of the compose form: files dropped onto the attachments box join the file input,
// so the form posts them as if they had been chosen. Without this script the file input works as it is.
(function () {
    "use strict";
    document.querySelectorAll("[data-drop-files]").forEach(function (box) {
        var input = box.querySelector("input[type=file]");
        if (!input || typeof DataTransfer === "undefined") {
            return;
        }

        box.addEventListener("dragover", function (event) {
            event.preventDefault();
            box.classList.add("is-dragging");
        });
        box.addEventListener("dragleave", function () {
            box.classList.remove("is-dragging");
        });
        box.addEventListener("drop", function (event) {
            event.preventDefault();
            box.classList.remove("is-dragging");
            var files = new DataTransfer();
            Array.prototype.forEach.call(input.files, function (file) { files.items.add(file); });
            Array.prototype.forEach.call(event.dataTransfer.files, function (file) { files.items.add(file); });
            input.files = files.files;
        });
    });
})();
