// Sortable tables (progressive enhancement): each column heading of a table[data-sortable]
// becomes a button; pressing it sorts the body rows by that column, again to reverse. The
// table reads the same without this script. A cell's data-sort-value, else its text, is the
// key; columns marked data-sort-type="number" compare as numbers.
(function () {
  "use strict";
  function key(row, column, numeric) {
    var cell = row.cells[column];
    if (!cell) return numeric ? 0 : "";
    var text = cell.hasAttribute("data-sort-value") ? cell.getAttribute("data-sort-value") : cell.textContent;
    if (!numeric) return text.trim();
    var value = parseFloat(text.replace(/[^0-9.\-]/g, ""));
    return isNaN(value) ? -Infinity : value;
  }
  function sort(table, column, heading) {
    var numeric = heading.getAttribute("data-sort-type") === "number";
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      return { row: row, key: key(row, column, numeric), index: index };
    });
    var collator = typeof Intl !== "undefined" ? new Intl.Collator(document.documentElement.lang, { numeric: true }) : null;
    rows.sort(function (a, b) {
      var order = numeric ? a.key - b.key : collator ? collator.compare(a.key, b.key) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return (ascending ? order : -order) || a.index - b.index;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.setAttribute("aria-sort", "none"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function enhance(table) {
    if (!table.tHead || !table.tBodies.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, column) {
      var button = document.createElement("button");
      button.type = "button";
      while (heading.firstChild) button.appendChild(heading.firstChild);
      heading.appendChild(button);
      heading.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () { sort(table, column, heading); });
    });
    var hint = document.querySelector(".coverage-sort-hint");
    if (hint) hint.hidden = false;
  }
  function start() { Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhance); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
