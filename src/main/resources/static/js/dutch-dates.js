// Dutch dates in the form-js viewer, whatever language the browser speaks: the date picker (flatpickr, bundled in
// form-js) shows Dutch month and day names with Monday first, and dates are shown and typed as dd-mm-jjjj. A typed
// date that does not exist or is not written as dd-mm-jjjj is refused with a message under the field and keeps its
// text; it is never passed on to flatpickr, which would turn "15-06-2027" or "31-02-2027" into another day. form-js still sends ISO (2027-06-15).
// Also says form-js's last English button and placeholder texts in the page's language. Load after form-viewer.
(function () {
  'use strict';

  var flatpickr = window.flatpickr;
  if (!flatpickr) {
    return;
  }

  flatpickr.localize({
    weekdays: {
      shorthand: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
      longhand: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag']
    },
    months: {
      shorthand: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
      longhand: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
        'november', 'december']
    },
    firstDayOfWeek: 1,
    weekAbbreviation: 'wk',
    rangeSeparator: ' t/m ',
    scrollTitle: 'Scroll om te wijzigen',
    toggleTitle: 'Klik om te wisselen',
    yearAriaLabel: 'Jaar',
    monthAriaLabel: 'Maand',
    hourAriaLabel: 'Uur',
    minuteAriaLabel: 'Minuut',
    time_24hr: true,
    ordinal: function () {
      return '';
    }
  });

  var FORMAT = 'd-m-Y';

  // form-js gives every picker the browser's date order; this plugin (a default for every picker) makes it
  // dd-mm-jjjj. form-js parsed its lower bound (1900) before the plugin runs, so that stays right. Every way flatpickr
  // reads the typed text (Enter, blur, a click elsewhere) goes through setDate: text that is not a real dd-mm-jjjj
  // date stops there with a message and stays in the field, so that neither flatpickr nor form-js misreads it.
  flatpickr.setDefaults({
    plugins: [function (instance) {
      instance.config.dateFormat = FORMAT;
      var setDate = instance.setDate;
      instance.setDate = function (date, triggerChange, format) {
        var input = instance._input;
        if (typeof date === 'string' && input && date === input.value) {
          if (!accept(input)) {
            return undefined;
          }
          return setDate.call(instance, input.value, triggerChange, FORMAT);
        }
        return setDate.apply(instance, arguments);
      };
      return {
        ariaDateFormat: 'j F Y',
        onReady: function () {
          instance.input.setAttribute('placeholder', texts().placeholder || 'dd-mm-jjjj');
        }
      };
    }]
  });

  function texts() {
    var container = document.getElementById('task-form');
    return container ? container.dataset : {};
  }

  function pad(number) {
    return (number < 10 ? '0' : '') + number;
  }

  // Checks typed text: '' when empty, a Date for a real day written as dd-mm-jjjj (or as ISO 2027-06-15), or an
  // error key: 'dateFormat' for anything else, 'dateImpossible' for a day that does not exist (31-02-2027).
  function check(text) {
    var value = text.trim();
    if (value === '') {
      return '';
    }
    var dutch = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(value);
    var iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!dutch && !iso) {
      return 'dateFormat';
    }
    var day = Number(dutch ? dutch[1] : iso[3]);
    var month = Number(dutch ? dutch[2] : iso[2]);
    var year = Number(dutch ? dutch[3] : iso[1]);
    var date = new Date(year, month - 1, day);
    if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
      return 'dateImpossible';
    }
    return date;
  }

  function messageFor(input) {
    var id = input.id + '-wb-date-error';
    var message = document.getElementById(id);
    if (!message) {
      message = document.createElement('div');
      message.id = id;
      message.className = 'wb-date-error';
      message.setAttribute('role', 'alert');
      var field = input.closest('.fjs-datetime-subsection') || input.parentNode;
      field.parentNode.insertBefore(message, field.nextSibling);
    }
    return message;
  }

  function clearMessage(input) {
    var message = document.getElementById(input.id + '-wb-date-error');
    if (message) {
      message.remove();
    }
    input.removeAttribute('aria-invalid');
  }

  // True when the input holds a date flatpickr may take; otherwise shows why not and keeps the typed text.
  function accept(input) {
    var result = check(input.value);
    var picker = input._flatpickr;
    var earliest = picker && picker.config.minDate;
    var error = typeof result === 'string' ? (result === '' ? null : result)
      : (earliest && result < new Date(earliest.getFullYear(), earliest.getMonth(), earliest.getDate()) ? 'dateTooEarly' : null);
    if (!error) {
      clearMessage(input);
      if (result instanceof Date) {
        input.value = pad(result.getDate()) + '-' + pad(result.getMonth() + 1) + '-' + result.getFullYear();
      }
      return true;
    }
    var data = texts();
    var text = (error === 'dateTooEarly' ? data.dateTooEarly : error === 'dateImpossible' ? data.dateImpossible : data.dateFormat)
      || 'dd-mm-jjjj';
    var first = earliest ? pad(earliest.getDate()) + '-' + pad(earliest.getMonth() + 1) + '-' + earliest.getFullYear() : '';
    messageFor(input).textContent = text.replace('{0}', input.value.trim()).replace('{1}', first);
    input.setAttribute('aria-invalid', 'true');
    return false;
  }

  function isDateInput(element) {
    return element && element.tagName === 'INPUT' && element.closest && element.closest('.fjs-datepicker') !== null;
  }

  document.addEventListener('input', function (event) {
    if (isDateInput(event.target)) {
      clearMessage(event.target);
    }
  }, true);

  // A refused date keeps the task from being completed (the form would otherwise send the field empty).
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('#task-submit');
    var refused = button && document.querySelector('.fjs-datepicker input[aria-invalid="true"]');
    if (refused) {
      event.stopImmediatePropagation();
      event.preventDefault();
      refused.focus();
    }
  }, true);

  // form-js writes a few texts in English with no setting for them: the dynamic list's buttons, its remove button's
  // label and the tag list's "Search" placeholder. Changing form-js's own text node and attributes (not replacing
  // them) keeps them on its next render. Each: the English text, then the page's text for it (data-* of the form).
  var TEXTS = [
    [/^Add new$/, 'addNew'],
    [/^Collapse$/, 'collapse'],
    [/^Expand all \((\d+)\)$/, 'expandAll'],
    [/^Search$/, 'search'],
    [/^Remove list item (\d+)$/, 'removeItem']
  ];

  function translatedText(english, data) {
    for (var i = 0; i < TEXTS.length; i++) {
      var match = TEXTS[i][0].exec(english);
      if (match && data[TEXTS[i][1]]) {
        return data[TEXTS[i][1]].replace('{0}', match[1] || '');
      }
    }
    return null;
  }

  function translateTexts(container) {
    var data = container.dataset;
    container.querySelectorAll('.fjs-repeat-render-footer button').forEach(function (button) {
      button.childNodes.forEach(function (node) {
        var text = node.nodeType === Node.TEXT_NODE && translatedText(node.nodeValue, data);
        if (text) {
          node.nodeValue = text;
        }
      });
    });
    container.querySelectorAll('[placeholder="Search"], [aria-label^="Remove list item"]').forEach(function (element) {
      ['placeholder', 'aria-label'].forEach(function (name) {
        var text = element.hasAttribute(name) && translatedText(element.getAttribute(name), data);
        if (text) {
          element.setAttribute(name, text);
        }
      });
    });
  }

  function start() {
    var container = document.getElementById('task-form');
    if (!container) {
      return;
    }
    new MutationObserver(function () {
      translateTexts(container);
    }).observe(container, {
      childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder', 'aria-label']
    });
  }

  window.WaarborgDates = { check: check };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
