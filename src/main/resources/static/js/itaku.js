// Itaku page behaviour. Served from the application itself (no CDN); no inline scripts, so the
// Content-Security-Policy can forbid them.
(function () {
  'use strict';

  // Idle timeout (clause: lock when leaving the seat): warn one minute before the server ends
  // the session, then go to the sign-in page.
  var seconds = parseInt(document.body.getAttribute('data-idle-timeout'), 10);
  if (seconds > 0) {
    var warning = document.getElementById('idle-warning');
    var warnAfter = Math.max(seconds - 60, 1) * 1000;
    window.setTimeout(function () {
      if (warning) { warning.hidden = false; }
    }, warnAfter);
    window.setTimeout(function () {
      window.location.assign(document.querySelector('.site-header__brand').getAttribute('href') + 'login?expired');
    }, seconds * 1000 + 2000);
  }

  // Move focus to an error summary so that screen readers announce it.
  var summary = document.querySelector('.error-summary[tabindex]');
  if (summary) { summary.focus(); }
})();
