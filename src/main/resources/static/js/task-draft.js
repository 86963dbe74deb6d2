// "Concept opslaan" on the task page (ADR 0045): saves what the user has entered so far on the server, without
// completing the task and without checking what is still missing, and puts the saved draft back when the page opens
// again; the page itself says when the draft was saved and offers "Concept verwijderen" (a form post, no script).
// A changed form is also saved by itself every data-draft-autosave-seconds (0: not), so that nothing written is lost.
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

  // data(): the form's answers as they stand, unchecked; headers(): the JSON headers with the CSRF token (task-form.js);
  // onChange(listener): calls the listener whenever the user changes an answer.
  function attach(container, data, headers, onChange) {
    var button = document.getElementById('task-draft');
    var box = document.getElementById('draft-status');
    if (!button || !box) {
      return;
    }
    button.hidden = false;
    var label = button.textContent;
    var saving = false;
    var changed = false;

    // One save at a time, in order, each sending the answers as they stand when it starts: two saves under way at once
    // could reach the server in the other order and leave the older answers as the draft.
    var queue = Promise.resolve();
    function post() {
      var run = function () {
        saving = true;
        changed = false;
        return fetch(container.getAttribute('data-draft-url'), {
          method: 'POST', headers: headers(), credentials: 'same-origin', body: JSON.stringify(data())
        }).then(function (response) {
          return response.json().then(function (body) {
            return { ok: response.ok, body: body };
          });
        }).then(function (answer) {
          if (answer.ok) {
            savedOn(answer.body.savedOn);
          } else {
            changed = true;
          }
          return answer;
        }, function (error) {
          changed = true;
          throw error;
        }).finally(function () {
          saving = false;
        });
      };
      var result = queue.then(run, run);
      queue = result.catch(function () {});
      return result;
    }

    button.addEventListener('click', function () {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      button.textContent = container.getAttribute('data-draft-saving');
      post().then(function (answer) {
        // Waarborg's refusals carry 'message'; the size limit in front of every page answers with 'detail'.
        note(box, answer.body.message || answer.body.detail || container.getAttribute('data-draft-failed'), !answer.ok);
      }).catch(function () {
        note(box, container.getAttribute('data-draft-failed'), true);
      }).then(function () {
        button.disabled = false;
        button.removeAttribute('aria-busy');
        button.textContent = label;
      });
    });

    // Saving by itself: every so many seconds, when an answer changed since the last save and no completion or save is
    // under way. A refusal (the task was taken or completed meanwhile) is said once and ends the automatic saving; the
    // input stays in the form.
    var seconds = parseInt(container.getAttribute('data-draft-autosave-seconds') || '0', 10);
    if (!(seconds > 0) || typeof onChange !== 'function') {
      return;
    }
    onChange(function () {
      changed = true;
    });
    var submit = document.getElementById('task-submit');
    var timer = setInterval(function () {
      if (!changed || saving || button.disabled || (submit && submit.disabled)) {
        return;
      }
      post().then(function (answer) {
        if (answer.ok) {
          note(box, container.getAttribute('data-draft-autosaved'), false);
        } else {
          clearInterval(timer);
          note(box, container.getAttribute('data-draft-autosave-failed'), true);
        }
      }).catch(function () {
        // A network hiccup: try again at the next turn.
      });
    }, seconds * 1000);
  }

  window.WaarborgDraft = { load: load, attach: attach, showRestored: showRestored };
})();
