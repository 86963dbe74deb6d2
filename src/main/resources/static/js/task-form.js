// Renders a task's Camunda Form with the form-js viewer (the same forms as Tasklist) and completes the task through
// Waarborg. A refusal by the server is shown in plain language; the form keeps what the user typed.
(function () {
  'use strict';

  function csrfHeaders() {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function getJson(url) {
    return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function showError(box, message) {
    box.textContent = message;
    box.hidden = false;
    box.focus();
  }

  // form-js writes its texts in English and offers no setting for them: an empty dropdown's "Select" and the
  // validation messages under a field. Say them in the page's language (the texts come from the page's attributes).
  var VALIDATION_MESSAGES = [
    [/^Field is required\.$/, 'validationRequired'],
    [/^Field must have minimum value of (.+)\.$/, 'validationMin'],
    [/^Field must have maximum value of (.+)\.$/, 'validationMax'],
    [/^Field must have minimum length of (.+)\.$/, 'validationMinLength'],
    [/^Field must have maximum length of (.+)\.$/, 'validationMaxLength'],
    [/^Field must match pattern (.+)\.$/, 'validationPattern'],
    [/^Field must be a valid email\.$/, 'validationEmail'],
    [/^Field must be a valid\s+international phone number/, 'validationPhone'],
    [/^Value is not a number\.$/, 'validationNumber'],
    [/^Value is expected to be an integer/, 'validationInteger']
  ];

  function translated(english, data) {
    for (var i = 0; i < VALIDATION_MESSAGES.length; i++) {
      var match = VALIDATION_MESSAGES[i][0].exec(english);
      var text = match && data[VALIDATION_MESSAGES[i][1]];
      if (text) {
        return text.replace('{0}', match[1] || '');
      }
    }
    return null;
  }

  // The validation messages are translated where form-js makes them, so that it renders them in the page's language.
  function translateValidation(form, data) {
    var validator = form.get('validator');
    ['validateField', 'validateFieldInstance'].forEach(function (name) {
      var original = validator[name];
      if (typeof original !== 'function') {
        return;
      }
      validator[name] = function () {
        var errors = original.apply(validator, arguments);
        return Array.isArray(errors) ? errors.map(function (error) {
          return translated(String(error), data) || error;
        }) : errors;
      };
    });
  }

  function translateSelectPlaceholders(container) {
    var text = container.dataset.selectPlaceholder;
    if (!text) {
      return;
    }
    var translate = function () {
      container.querySelectorAll('.fjs-select-placeholder').forEach(function (element) {
        // Change form-js's own text node: a replaced node would be written back next to ours on its next render.
        element.childNodes.forEach(function (node) {
          if (node.nodeType === Node.TEXT_NODE && node.nodeValue === 'Select') {
            node.nodeValue = text;
          }
        });
      });
    };
    translate();
    new MutationObserver(translate).observe(container, { childList: true, subtree: true, characterData: true });
  }

  function start() {
    var container = document.getElementById('task-form');
    if (!container) {
      return;
    }
    var errorBox = document.getElementById('form-error');
    var loading = document.getElementById('form-loading');
    var button = document.getElementById('task-submit');
    var formUrl = container.getAttribute('data-form-url');
    var form = null;

    var drafts = window.WaarborgDraft;
    var draft = null;
    var schemaPromise = formUrl ? getJson(formUrl) : Promise.resolve(null);
    var draftPromise = drafts && formUrl ? drafts.load(container) : Promise.resolve(null);
    Promise.all([schemaPromise, getJson(container.getAttribute('data-values-url')), draftPromise]).then(function (results) {
      var schema = results[0];
      var values = results[1] || {};
      draft = results[2];
      if (!schema) {
        return null;
      }
      if (draft && draft.values) {
        // The user's saved draft goes over what the task holds: it is what they were writing.
        values = Object.assign({}, values, draft.values);
      }
      form = new FormViewer.Form({ container: container });
      translateValidation(form, container.dataset);
      return form.importSchema(schema, values);
    }).then(function () {
      translateSelectPlaceholders(container);
      if (loading) {
        loading.hidden = true;
      }
      if (form && drafts) {
        drafts.attach(container, function () {
          // The answers as they stand, without form-js's check (which would mark every empty required field).
          return typeof form._getSubmitData === 'function' ? form._getSubmitData() : form.submit().data;
        }, csrfHeaders, function (listener) {
          form.on('changed', listener);
        });
        drafts.showRestored(draft);
      }
    }).catch(function () {
      if (loading) {
        loading.hidden = true;
      }
      showError(errorBox, container.getAttribute('data-load-error'));
    });

    var status = document.getElementById('form-status');
    var label = button.textContent;
    var SLOW_MS = 10000;
    var TIMEOUT_MS = 60000;

    function showStatus(message, link) {
      if (!status) {
        return;
      }
      status.textContent = message;
      if (link) {
        var a = document.createElement('a');
        a.href = link.href;
        a.textContent = link.text;
        status.appendChild(document.createTextNode(' '));
        status.appendChild(a);
      }
      status.hidden = false;
    }

    // While the request runs the button says so and cannot be pressed again (a second completion is refused by the
    // server anyway); a slow answer gets a note, no answer at all a message instead of silence.
    function busy(on) {
      button.disabled = on;
      button.textContent = on ? container.getAttribute('data-completing') : label;
      if (on) {
        button.setAttribute('aria-busy', 'true');
      } else {
        button.removeAttribute('aria-busy');
      }
      if (status && on) {
        status.hidden = true;
      }
    }

    button.addEventListener('click', function () {
      var data = {};
      errorBox.hidden = true;
      if (form) {
        var result = form.submit();
        if (result.errors && Object.keys(result.errors).length > 0) {
          showError(errorBox, container.getAttribute('data-invalid'));
          return;
        }
        data = result.data;
      }
      busy(true);
      var controller = typeof AbortController === 'function' ? new AbortController() : null;
      var slow = setTimeout(function () {
        showStatus(container.getAttribute('data-complete-slow'));
      }, SLOW_MS);
      var timeout = setTimeout(function () {
        if (controller) {
          controller.abort();
        }
      }, TIMEOUT_MS);
      var done = function () {
        clearTimeout(slow);
        clearTimeout(timeout);
      };
      fetch(container.getAttribute('data-submit-url'), {
        method: 'POST', headers: csrfHeaders(), credentials: 'same-origin', body: JSON.stringify(data),
        signal: controller ? controller.signal : undefined
      }).then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      }).then(function (answer) {
        done();
        if (answer.ok && answer.body.redirect) {
          window.location.assign(answer.body.redirect);
          return;
        }
        if (answer.body.completed) {
          // Done already (an earlier click, another tab, a colleague): nothing to retry, nothing went wrong twice.
          button.textContent = label;
          button.removeAttribute('aria-busy');
          ['task-draft', 'draft-saved'].forEach(function (id) {
            var draftPart = document.getElementById(id);
            if (draftPart) {
              draftPart.hidden = true; // a completed task keeps no draft to save or discard
            }
          });
          showStatus(container.getAttribute('data-already-completed'),
            { href: container.getAttribute('data-tasks-url'), text: container.getAttribute('data-to-tasks') });
          return;
        }
        busy(false);
        // Waarborg's refusals carry 'message'; the size limit in front of every page answers a problem with 'detail'.
        showError(errorBox, answer.body.message || answer.body.detail || container.getAttribute('data-network-error'));
      }).catch(function (error) {
        done();
        busy(false);
        showError(errorBox, container.getAttribute(
          error && error.name === 'AbortError' ? 'data-complete-timeout' : 'data-network-error'));
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
