// form-js checks a field the first time it loses the focus, so merely opening a dropdown (or tabbing past a field)
// said "Dit veld is verplicht" before the user had done anything (issue 18 point 18). Here a field that is still
// empty is not checked on leaving it: its required message comes with a real change (form-js checks every change) or
// with "Afronden" (form.submit checks the whole form). A field that has a value is checked on leaving it, as before.
// Loaded after form-viewer.umd.js and before task-form.js; the vendored form-js is not changed.
(function () {
  'use strict';
  if (!window.FormViewer || !window.FormViewer.Form) {
    return;
  }

  function empty(value) {
    return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  }

  // The blur check goes through the viewer's command 'updateFieldInstanceValidation' (form-js 1.x FormField).
  function checkOnlyWhatWasFilledIn(form) {
    var commands = form.get('viewerCommands', false);
    if (!commands || commands.waarborgFirstTouch || typeof commands.updateFieldInstanceValidation !== 'function') {
      return;
    }
    var check = commands.updateFieldInstanceValidation;
    commands.updateFieldInstanceValidation = function (fieldInstance, value) {
      if (empty(value)) {
        return;
      }
      return check.apply(commands, arguments);
    };
    commands.waarborgFirstTouch = true;
  }

  var importSchema = window.FormViewer.Form.prototype.importSchema;
  window.FormViewer.Form.prototype.importSchema = function () {
    checkOnlyWhatWasFilledIn(this);
    return importSchema.apply(this, arguments);
  };
})();
