// swift-format-ignore-file
// Generated from Templates/assets/flowchart.js and flowchart.css; do not edit by hand.
// Re-generate with `DOCGEN_RECORD=1 swift test --filter DocGenFlowchartTests` after editing them.

/// The widget's script and style sheet, embedded so that `docgen flow --format html` writes a
/// standalone page from any folder. The site copies the same files from `Templates/assets/`.
public enum FlowAssets {
    /// `Templates/assets/flowchart.js`.
    public static let script = ##"""
/* docgen flowchart widget: turns each <figure class="docgen-flow"> into a step-by-step walk kept in
   sync with its SVG diagram and the URL hash (#NAME=0.2.1, the answer indices from the start).
   Without this script the same markup still works: nodes and answers are links to node pages. */
(function () {
  'use strict';

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function Flow(figure) {
    var source = figure.querySelector('script.docgen-flow-data');
    this.data = JSON.parse(source.textContent);
    this.figure = figure;
    this.body = figure.querySelector('.docgen-flow-stepper-body');
    this.byId = {};
    var self = this;
    this.data.nodes.forEach(function (node) { self.byId[node.id] = node; });
    this.answers = [];
  }

  /* The node ids visited by a list of answer indices, and the valid prefix of that list. */
  Flow.prototype.walk = function (answers) {
    var ids = [this.data.start];
    var valid = [];
    for (var i = 0; i < answers.length && i < 500; i++) {
      var node = this.byId[ids[ids.length - 1]];
      var answer = node && node.answers[answers[i]];
      if (!answer || !this.byId[answer.to]) break;
      valid.push(answers[i]);
      ids.push(answer.to);
    }
    return { ids: ids, answers: valid };
  };

  /* The shortest list of answers from the start to a node (answers tried in order). */
  Flow.prototype.answersTo = function (target) {
    var queue = [{ id: this.data.start, answers: [] }];
    var seen = {};
    seen[this.data.start] = true;
    while (queue.length) {
      var item = queue.shift();
      if (item.id === target) return item.answers;
      var node = this.byId[item.id];
      for (var i = 0; node && i < node.answers.length; i++) {
        var next = node.answers[i].to;
        if (!seen[next] && this.byId[next]) {
          seen[next] = true;
          queue.push({ id: next, answers: item.answers.concat([i]) });
        }
      }
    }
    return null;
  };

  Flow.prototype.hash = function () { return '#' + this.data.name + '=' + this.answers.join('.'); };

  Flow.prototype.readHash = function () {
    var hash = window.location.hash.slice(1);
    try { hash = decodeURIComponent(hash); } catch (e) { return null; }
    var prefix = this.data.name + '=';
    if (hash.indexOf(prefix) !== 0) return null;
    var rest = hash.slice(prefix.length);
    if (rest === '') return [];
    return rest.split('.').map(function (part) { return /^\d+$/.test(part) ? parseInt(part, 10) : -1; });
  };

  Flow.prototype.writeHash = function () {
    var hash = this.hash();
    if (window.location.hash === hash) return;
    try {
      window.history.replaceState(null, '', hash);
    } catch (e) {
      this.ignoreHashChange = true;
      window.location.hash = hash;
    }
  };

  Flow.prototype.set = function (answers, focus) {
    this.answers = this.walk(answers).answers;
    this.render(focus);
    this.writeHash();
  };

  Flow.prototype.render = function (focus) {
    var self = this;
    var strings = this.data.strings;
    var walk = this.walk(this.answers);
    var current = this.byId[walk.ids[walk.ids.length - 1]];
    this.body.textContent = '';
    if (walk.answers.length) {
      var history = el('div', { 'class': 'docgen-flow-history' });
      history.appendChild(el('h3', { 'class': 'docgen-flow-history-title' }, strings.yourAnswers));
      var list = el('ol');
      walk.answers.forEach(function (answerIndex, step) {
        var node = self.byId[walk.ids[step]];
        var item = el('li');
        item.appendChild(el('span', { 'class': 'docgen-flow-history-question' }, node.text));
        item.appendChild(document.createTextNode(' '));
        item.appendChild(el('strong', { 'class': 'docgen-flow-history-answer' }, node.answers[answerIndex].label));
        item.appendChild(document.createTextNode(' '));
        var change = el('button', {
          type: 'button', 'class': 'docgen-flow-change', 'data-step': String(step),
          'aria-label': strings.change + ' : ' + node.text
        }, strings.change);
        change.addEventListener('click', function () { self.set(self.answers.slice(0, step), true); });
        item.appendChild(change);
        list.appendChild(item);
      });
      history.appendChild(list);
      this.body.appendChild(history);
    }
    var panel = el('div', { 'class': 'docgen-flow-node-panel flow-' + current.kind, 'data-node': current.id });
    panel.appendChild(el('p', { 'class': 'docgen-flow-kind' }, current.kindName));
    var heading = el('h3', { 'class': 'docgen-flow-question', tabindex: '-1' }, current.text);
    panel.appendChild(heading);
    if (current.detail) panel.appendChild(el('p', { 'class': 'docgen-flow-detail' }, current.detail));
    if (current.links.length) {
      var links = el('ul', { 'class': 'docgen-flow-links' });
      current.links.forEach(function (link) {
        var item = el('li');
        item.appendChild(el('a', { href: link.href }, link.text));
        links.appendChild(item);
      });
      panel.appendChild(links);
    }
    if (current.answers.length) {
      var answers = el('ul', { 'class': 'docgen-flow-answers' });
      current.answers.forEach(function (answer, index) {
        var item = el('li');
        var button = el('button', { type: 'button', 'class': 'docgen-flow-answer', 'data-answer': String(index) },
          answer.label);
        button.addEventListener('click', function () { self.set(walk.answers.concat([index]), true); });
        item.appendChild(button);
        answers.appendChild(item);
      });
      panel.appendChild(answers);
    } else {
      panel.appendChild(el('p', { 'class': 'docgen-flow-end' }, strings.end));
    }
    this.body.appendChild(panel);
    if (walk.answers.length) {
      var restart = el('button', { type: 'button', 'class': 'docgen-flow-restart' }, strings.startAgain);
      restart.addEventListener('click', function () { self.set([], true); });
      var wrapper = el('p', { 'class': 'docgen-flow-restart-row' });
      wrapper.appendChild(restart);
      this.body.appendChild(wrapper);
    }
    this.highlight(walk);
    if (focus) heading.focus();
  };

  /* Marks the current node, the visited nodes and the answers taken in the diagram. */
  Flow.prototype.highlight = function (walk) {
    var figure = this.figure;
    var visited = {};
    walk.ids.forEach(function (id) { visited[id] = true; });
    var current = walk.ids[walk.ids.length - 1];
    Array.prototype.forEach.call(figure.querySelectorAll('.flow-node'), function (node) {
      var id = node.getAttribute('data-node');
      node.classList.toggle('is-current', id === current);
      node.classList.toggle('is-visited', !!visited[id] && id !== current);
      if (id === current) node.setAttribute('aria-current', 'step'); else node.removeAttribute('aria-current');
    });
    var taken = {};
    walk.answers.forEach(function (answer, step) { taken[walk.ids[step] + ' ' + answer] = true; });
    Array.prototype.forEach.call(figure.querySelectorAll('.flow-edge, .flow-label'), function (edge) {
      var key = edge.getAttribute('data-from') + ' ' + edge.getAttribute('data-answer');
      edge.classList.toggle('is-taken', !!taken[key]);
    });
  };

  Flow.prototype.start = function () {
    var self = this;
    this.figure.classList.add('is-interactive');
    Array.prototype.forEach.call(this.figure.querySelectorAll('a.flow-node'), function (link) {
      link.addEventListener('click', function (event) {
        var answers = self.answersTo(link.getAttribute('data-node'));
        if (answers === null) return;
        event.preventDefault();
        self.set(answers, true);
      });
    });
    window.addEventListener('hashchange', function () {
      if (self.ignoreHashChange) { self.ignoreHashChange = false; return; }
      var answers = self.readHash();
      if (answers !== null) self.set(answers, false);
    });
    window.addEventListener('beforeprint', function () {
      var details = self.figure.querySelector('details.docgen-flow-text');
      if (details) details.open = true;
    });
    var fromHash = this.readHash();
    this.answers = fromHash ? this.walk(fromHash).answers : [];
    this.render(false);
    if (fromHash) this.writeHash();
  };

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('figure.docgen-flow'), function (figure) {
      if (figure.getAttribute('data-flow-ready')) return;
      figure.setAttribute('data-flow-ready', 'true');
      try {
        new Flow(figure).start();
      } catch (e) {
        figure.classList.remove('is-interactive'); /* the no-script links keep working */
      }
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();

"""##

    /// `Templates/assets/flowchart.css`.
    public static let styleSheet = ##"""
/* docgen flowchart widget. Light colours are also written into the SVG as attributes, so the
   diagram is right without this sheet; here: layout, highlight, focus, dark mode and print. */
.docgen-flow { margin: 1.5em 0; padding: 0; }
.docgen-flow-caption { font-weight: 700; font-size: 1.1em; margin-bottom: .5em; }
.docgen-flow-body { display: flex; flex-wrap: wrap; gap: 1.25em; align-items: flex-start; }
.docgen-flow-diagram { flex: 1 1 28em; max-width: 100%; overflow-x: auto; }
.docgen-flow-diagram:focus-visible { outline: 3px solid #e37400; outline-offset: 2px; }
.docgen-flow-diagram svg { display: block; max-width: none; height: auto; }
.docgen-flow-stepper { flex: 1 1 18em; max-width: 32em; border: 1px solid #c4c7c5; border-radius: 8px; padding: .75em 1em; }
.docgen-flow-stepper-title { font-size: 1em; margin: 0 0 .5em; }
.docgen-flow-kind { margin: 0; font-size: .85em; text-transform: uppercase; letter-spacing: .04em; color: #45484c; }
.docgen-flow-question { font-size: 1.1em; margin: .2em 0 .5em; }
.docgen-flow-question:focus { outline: 3px solid #e37400; outline-offset: 2px; }
.docgen-flow-answers, .docgen-flow-links { list-style: none; padding: 0; margin: .5em 0; }
.docgen-flow-answers li { display: inline-block; margin: 0 .5em .5em 0; }
.docgen-flow-answer, .docgen-flow-restart, .docgen-flow-change {
  font: inherit; cursor: pointer; border-radius: 6px; border: 2px solid #1a56b0; background: #ffffff; color: #0b3d91;
  padding: .35em .9em; text-decoration: none; display: inline-block;
}
.docgen-flow-answer:hover, .docgen-flow-restart:hover, .docgen-flow-change:hover { background: #e8f0fe; }
.docgen-flow-answer:focus-visible, .docgen-flow-restart:focus-visible, .docgen-flow-change:focus-visible,
.docgen-flow a:focus-visible { outline: 3px solid #e37400; outline-offset: 2px; }
.docgen-flow-change { padding: .05em .5em; font-size: .9em; border-width: 1px; }
.docgen-flow-history-title { font-size: .95em; margin: 0 0 .25em; }
.docgen-flow-history ol { margin: 0 0 .75em; padding-left: 1.4em; }
.docgen-flow-history li { margin-bottom: .3em; }
.docgen-flow-end { font-weight: 700; color: #1e6b2e; }
.docgen-flow-text { margin-top: 1em; }
.docgen-flow-text summary { cursor: pointer; font-weight: 700; }
.docgen-flow-text ul { margin: .25em 0; }

/* Diagram nodes: links in pages, focusable and clickable. */
.docgen-flow a.flow-node { cursor: pointer; }
.docgen-flow a.flow-node:focus { outline: none; }
.docgen-flow a.flow-node:focus-visible rect { stroke: #e37400; stroke-width: 4; }
.docgen-flow a.flow-node:hover rect { stroke-width: 3; }
.flow-node.is-visited rect { fill: #d2e3fc; stroke: #1a56b0; stroke-width: 2.5; }
.flow-node.is-current rect { fill: #fde293; stroke: #b05a00; stroke-width: 4; }
.flow-edge.is-taken .flow-edge-line { stroke: #1a56b0; stroke-width: 3.5; }
.flow-edge.is-taken .flow-edge-head { fill: #1a56b0; }
.flow-label.is-taken rect { fill: #d2e3fc; stroke: #1a56b0; stroke-width: 2; }
.flow-label.is-taken text { font-weight: 700; }

@media (prefers-color-scheme: dark) {
  .docgen-flow-stepper { border-color: #5f6368; }
  .docgen-flow-kind { color: #bdc1c6; }
  .docgen-flow-answer, .docgen-flow-restart, .docgen-flow-change { background: #202124; color: #aecbfa; border-color: #8ab4f8; }
  .docgen-flow-answer:hover, .docgen-flow-restart:hover, .docgen-flow-change:hover { background: #303134; }
  .docgen-flow-end { color: #81c995; }
  .flow-diagram text { fill: #e8eaed; }
  .flow-diagram .flow-question rect { fill: #1c2b41; stroke: #8ab4f8; }
  .flow-diagram .flow-step rect { fill: #202124; stroke: #bdc1c6; }
  .flow-diagram .flow-outcome rect { fill: #17301f; stroke: #81c995; }
  .flow-diagram .flow-note rect { fill: #332b0f; stroke: #fdd663; }
  .flow-diagram .flow-label rect { fill: #202124; stroke: #9aa0a6; }
  .flow-diagram .flow-edge-line { stroke: #bdc1c6; }
  .flow-diagram .flow-edge-head { fill: #bdc1c6; }
  .flow-diagram .flow-node.is-visited rect { fill: #24416b; stroke: #8ab4f8; }
  .flow-diagram .flow-node.is-current rect { fill: #5c4300; stroke: #fdd663; }
  .flow-diagram .flow-edge.is-taken .flow-edge-line { stroke: #8ab4f8; }
  .flow-diagram .flow-edge.is-taken .flow-edge-head { fill: #8ab4f8; }
  .flow-diagram .flow-label.is-taken rect { fill: #24416b; stroke: #8ab4f8; }
}

@media print {
  .docgen-flow { break-inside: avoid-page; }
  .docgen-flow-stepper { display: none; }
  .docgen-flow-diagram { overflow: visible; }
  .docgen-flow-diagram svg { max-width: 100%; }
  .flow-diagram text { fill: #000000 !important; }
  .flow-diagram rect { fill: #ffffff !important; }
  .flow-node.is-current rect { stroke-width: 4; }
  .docgen-flow-text summary { display: none; }
}

"""##
}
