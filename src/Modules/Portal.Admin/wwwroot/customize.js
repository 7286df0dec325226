// Customize → Look: swatches set the pickers, the contrast notes follow the colors (WCAG 2.1, as
// BrandColor computes it on the server), and the preview frames reload with the unsaved colors and logo.
(function () {
  'use strict';
  var form = document.querySelector('[data-customize-colors]');
  if (!form) {
    return;
  }

  function channel(hex) {
    var c = parseInt(hex, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  function luminance(color) {
    return 0.2126 * channel(color.substr(1, 2)) + 0.7152 * channel(color.substr(3, 2)) + 0.0722 * channel(color.substr(5, 2));
  }

  function ratio(a, b) {
    var la = luminance(a);
    var lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  function contrastWithText(color) {
    return Math.max(ratio(color, '#ffffff'), ratio(color, '#111111'));
  }

  var pickers = form.querySelectorAll('input[type="color"]');

  function updateNote(picker) {
    var note = document.getElementById(picker.getAttribute('data-contrast-target'));
    if (!note || !/^#[0-9a-fA-F]{6}$/.test(picker.value)) {
      return;
    }

    var value = contrastWithText(picker.value);
    var shown = (Math.floor(value * 10) / 10).toFixed(1);
    if (value < 4.5) {
      note.classList.add('contrast-warning');
      note.textContent = 'Warning: text on this color reaches only ' + shown + ':1; WCAG AA asks for at least 4.5:1. Choose a darker or lighter shade.';
    } else {
      note.classList.remove('contrast-warning');
      note.textContent = 'Text on this color: ' + shown + ':1 (passes WCAG AA).';
    }
  }

  function updateSwatches(picker) {
    form.querySelectorAll('[data-swatch-for="' + picker.id + '"]').forEach(function (swatch) {
      swatch.setAttribute('aria-pressed', swatch.getAttribute('data-color') === picker.value.toLowerCase() ? 'true' : 'false');
    });
  }

  // A chosen logo file is posted to each frame in turn (a form has one submission in flight): the
  // frames show it inline without saving it; Save logo stores it.
  var logoForm = document.querySelector('[data-customize-logo]');
  var logoInput = logoForm ? logoForm.querySelector('input[type="file"]') : null;
  var logoButton = logoForm ? logoForm.querySelector('[data-preview-logo-button]') : null;

  function chosenLogo() {
    return logoInput && logoInput.files && logoInput.files.length > 0;
  }

  function previewLogo(primary, accent) {
    var frames = Array.prototype.slice.call(document.querySelectorAll('iframe[data-preview-view]'));
    var action = logoForm.getAttribute('action');
    logoForm.querySelector('[data-preview-field="primary"]').value = primary;
    logoForm.querySelector('[data-preview-field="accent"]').value = accent;
    function next() {
      var frame = frames.shift();
      if (!frame) {
        logoForm.setAttribute('action', action);
        logoForm.removeAttribute('target');
        return;
      }

      frame.addEventListener('load', next, { once: true });
      logoForm.querySelector('[data-preview-field="view"]').value = frame.getAttribute('data-preview-view');
      logoForm.setAttribute('action', logoButton.getAttribute('formaction'));
      logoForm.setAttribute('target', frame.name);
      logoForm.submit();
    }

    next();
  }

  function updatePreviews() {
    var primary = form.querySelector('#Input_PrimaryColor').value;
    var accent = form.querySelector('#Input_AccentColor').value;
    if (chosenLogo()) {
      previewLogo(primary, accent);
      return;
    }

    document.querySelectorAll('iframe[data-preview-view]').forEach(function (frame) {
      var url = new URL(frame.src, window.location.href);
      url.searchParams.set('primary', primary);
      url.searchParams.set('accent', accent);
      if (url.toString() !== frame.src) {
        frame.src = url.toString();
      }
    });
  }

  var pending = 0;
  function changed(picker) {
    updateNote(picker);
    updateSwatches(picker);
    window.clearTimeout(pending);
    pending = window.setTimeout(updatePreviews, 250);
  }

  pickers.forEach(function (picker) {
    picker.addEventListener('input', function () { changed(picker); });
    picker.addEventListener('change', function () { changed(picker); });
  });

  if (logoInput && logoButton) {
    logoInput.addEventListener('change', function () {
      if (chosenLogo()) {
        updatePreviews();
      }
    });
    logoButton.addEventListener('click', function (event) {
      // Without a file the plain submission shows, in the frame, what to choose.
      if (chosenLogo()) {
        event.preventDefault();
        updatePreviews();
      }
    });
  }

  form.querySelectorAll('[data-swatch-for]').forEach(function (swatch) {
    swatch.addEventListener('click', function () {
      var picker = document.getElementById(swatch.getAttribute('data-swatch-for'));
      picker.value = swatch.getAttribute('data-color');
      changed(picker);
    });
  });
})();
