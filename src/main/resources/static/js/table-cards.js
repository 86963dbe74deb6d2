// At phone width Waarborg's tables are shown as cards (css/phone.css): one card per row, each cell with its column's
// name before it. This gives every body cell that name as data-label, from the table's own column headers, on page
// load and after htmx swaps part of a page. Cells that already carry one (the answer tables) keep theirs.
(function () {
  'use strict';

  function label(root) {
    root.querySelectorAll('table').forEach(function (table) {
      var head = table.tHead && table.tHead.rows[0];
      if (!head) {
        return;
      }
      var names = Array.prototype.map.call(head.cells, function (cell) {
        return cell.textContent.replace(/\s+/g, ' ').trim();
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            var name = names[column];
            // A row's own header (th scope=row) is the card's title and needs no name before it.
            if (name && cell.tagName === 'TD' && !cell.hasAttribute('data-label')) {
              cell.setAttribute('data-label', name);
            }
            column += cell.colSpan || 1;
          });
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    label(document);
    document.body.addEventListener('htmx:afterSwap', function (event) {
      label(event.detail.target || document);
    });
  });
})();
