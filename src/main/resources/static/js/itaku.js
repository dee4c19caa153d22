// Itaku page behaviour. Served from the application itself (no CDN); no inline scripts, so the
// Content-Security-Policy can forbid them.
(function () {
  'use strict';

  // Idle timeout (clause: lock when leaving the seat): warn one minute before the server ends
  // the session, then go to the sign-in page. The warning's 「延長する」 posts to the server
  // (same origin, with the CSRF token of its form), which counts the idle time again from
  // now; the page is not reloaded, so a half-written form keeps what it holds.
  var seconds = parseInt(document.body.getAttribute('data-idle-timeout'), 10);
  if (seconds > 0) {
    var warning = document.getElementById('idle-warning');
    var extendForm = document.getElementById('idle-extend');
    var warnTimer = null;
    var endTimer = null;
    var startTimers = function () {
      window.clearTimeout(warnTimer);
      window.clearTimeout(endTimer);
      warnTimer = window.setTimeout(function () {
        if (warning) { warning.hidden = false; }
      }, Math.max(seconds - 60, 1) * 1000);
      endTimer = window.setTimeout(function () {
        window.location.assign(document.querySelector('.site-header__brand').getAttribute('href') + 'login?expired');
      }, seconds * 1000 + 2000);
    };
    startTimers();
    if (extendForm && window.fetch && window.FormData) {
      extendForm.addEventListener('submit', function (event) {
        event.preventDefault();
        window.fetch(extendForm.action, {
          method: 'POST', body: new FormData(extendForm), credentials: 'same-origin', redirect: 'manual',
          headers: { 'Accept': 'application/json' }
        }).then(function (response) {
          if (response.status === 204) {
            warning.hidden = true;
            startTimers();
          } else {
            warning.querySelector('[data-idle-ended]').hidden = false;
          }
        }, function () {
          warning.querySelector('[data-idle-ended]').hidden = false;
        });
      });
    }
  }

  // Uploads with a progress bar (log evidence): the form is sent with XMLHttpRequest so that
  // the bar follows the bytes sent; the page the server redirects to is then opened. Without
  // script the form posts as usual.
  Array.prototype.forEach.call(document.querySelectorAll('form[data-upload-progress]'), function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.FormData || !window.XMLHttpRequest) { return; }
      event.preventDefault();
      var bar = document.getElementById(form.getAttribute('data-upload-progress'));
      var button = form.querySelector('button[type=submit]');
      if (button) { button.disabled = true; }
      if (bar) { bar.hidden = false; bar.value = 0; }
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.addEventListener('progress', function (e) {
        if (bar && e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); }
      });
      xhr.addEventListener('load', function () {
        window.location.assign(xhr.responseURL || form.action);
      });
      xhr.addEventListener('error', function () {
        if (button) { button.disabled = false; }
        if (bar) { bar.hidden = true; }
        form.submit();
      });
      xhr.send(new FormData(form));
    });
  });

  // Move focus to an error summary so that screen readers announce it.
  var summary = document.querySelector('.error-summary[tabindex]');
  if (summary) { summary.focus(); }
})();
