// "Concept opslaan" on the task page (ADR 0045): saves what the user has entered so far on the server, without
// completing the task and without checking what is still missing, and puts the saved draft back when the page opens
// again; the page itself says when the draft was saved and offers "Concept verwijderen" (a form post, no script).
// task-form.js calls load() before it shows the form and attach() once the form is there.
(function () {
  'use strict';

  function note(box, message, isError) {
    box.textContent = message;
    box.className = isError ? 'alert alert-error draft-status' : 'alert alert-info draft-status';
    box.setAttribute('role', isError ? 'alert' : 'status');
    box.hidden = false;
  }

  // The user's saved draft ({values, message}) or null; a draft that cannot be read leaves the form as the task has it.
  function load(container) {
    var url = container.getAttribute('data-draft-url');
    if (!url) {
      return Promise.resolve(null);
    }
    return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      return response.status === 200 ? response.json() : null;
    }).catch(function () {
      return null;
    });
  }

  function showRestored(draft) {
    var box = document.getElementById('draft-status');
    if (box && draft && draft.message) {
      note(box, draft.message, false);
    }
  }

  // "Concept opgeslagen op …" with "Concept verwijderen" (rendered by the page when a draft existed), from this save on.
  function savedOn(text) {
    var block = document.getElementById('draft-saved');
    var line = document.getElementById('draft-saved-on');
    if (block && line && text) {
      line.textContent = text;
      block.hidden = false;
    }
  }

  // data(): the form's answers as they stand, unchecked; headers(): the JSON headers with the CSRF token (task-form.js).
  function attach(container, data, headers) {
    var button = document.getElementById('task-draft');
    var box = document.getElementById('draft-status');
    if (!button || !box) {
      return;
    }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener('click', function () {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      button.textContent = container.getAttribute('data-draft-saving');
      fetch(container.getAttribute('data-draft-url'), {
        method: 'POST', headers: headers(), credentials: 'same-origin', body: JSON.stringify(data())
      }).then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      }).then(function (answer) {
        // Waarborg's refusals carry 'message'; the size limit in front of every page answers with 'detail'.
        note(box, answer.body.message || answer.body.detail || container.getAttribute('data-draft-failed'), !answer.ok);
        if (answer.ok) {
          savedOn(answer.body.savedOn);
        }
      }).catch(function () {
        note(box, container.getAttribute('data-draft-failed'), true);
      }).then(function () {
        button.disabled = false;
        button.removeAttribute('aria-busy');
        button.textContent = label;
      });
    });
  }

  window.WaarborgDraft = { load: load, attach: attach, showRestored: showRestored };
})();
