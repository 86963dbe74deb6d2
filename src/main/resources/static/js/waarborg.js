// Waarborg pages: small progressive enhancements. No inline scripts anywhere (CSP script-src 'self').
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // After a refused form, move focus to the error summary so screen reader users hear what to fix.
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
    // htmx sends the CSRF token with every non-GET request it makes.
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      document.body.addEventListener('htmx:configRequest', function (event) {
        event.detail.headers[header.content] = token.content;
      });
    }
  });
})();
