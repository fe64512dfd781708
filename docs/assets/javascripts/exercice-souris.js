/* Parents connectés: mouse exercise. How it works: overrides/hooks/exercices.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.exerciceSouris) {
    ns.exerciceSouris.init();
    return;
  }

  // Harder and harder: smaller targets, then double-clicks, then a drag
  var STEPS = [
    { kind: 'click', size: 'l', place: 'center' },
    { kind: 'click', size: 'm', place: 'start' },
    { kind: 'click', size: 's', place: 'end' },
    { kind: 'double', size: 'l', place: 'center' },
    { kind: 'double', size: 's', place: 'end' },
    { kind: 'drag', place: 'between' }
  ];
  // Time allowed between the two clicks of a double-click (kinder than Windows' 500 ms);
  // the keyboard (Enter twice) and screen readers get longer.
  var DOUBLE_MS = 800;
  var DOUBLE_KEY_MS = 1500;
  var SVG = '<svg class="pc-ex__dessin" viewBox="0 0 24 24" aria-hidden="true" focusable="false">';
  var FOLDER = SVG + '<path d="M2 6a2 2 0 0 1 2-2h5l2 2h9a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2z" ' +
    'fill="#fde68a" stroke="#1f2937" stroke-width="1.5"/></svg>';
  var DOC = SVG + '<path d="M5 2h9l5 5v15H5z" fill="#fff" stroke="#1f2937" stroke-width="1.5"/>' +
    '<path d="M8 11h8M8 14h8M8 17h6" stroke="#1f2937" stroke-width="1.5"/></svg>';

  function make(tag, className, text) {
    var el = document.createElement(tag);
    el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function format(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  function inside(el, event) {
    var r = el.getBoundingClientRect();
    return event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
  }

  /** Build the exercise in one container (once: data-pc-init). */
  function setup(root) {
    if (root.hasAttribute('data-pc-init')) return;
    root.setAttribute('data-pc-init', '');
    var s = {};
    try {
      s = JSON.parse(root.getAttribute('data-pc-strings') || '{}');
    } catch (e) { /* broken page: the steps stay readable */ }
    Array.prototype.forEach.call(root.querySelectorAll('.pc-ex__sans-js, .pc-ex__etapes'), function (el) {
      el.hidden = true;
    });
    var id = root.id || 'exercice-souris';
    var game = make('div', 'pc-ex__jeu');
    var progress = make('p', 'pc-ex__progres');
    var task = make('p', 'pc-ex__consigne');
    var hint = make('p', 'pc-ex__astuce');
    var zone = make('div', 'pc-ex__zone');
    var feedback = make('p', 'pc-ex__retour');
    var restart = make('button', 'pc-ex__bouton', s.restart);
    task.id = id + '-consigne';
    hint.id = id + '-astuce';
    feedback.setAttribute('aria-live', 'polite');
    restart.type = 'button';
    [progress, task, hint, zone, feedback, restart].forEach(function (el) { game.appendChild(el); });
    root.appendChild(game);
    var praise = s.encouragements && s.encouragements.length ? s.encouragements : ['✓'];
    var st = { step: 0, last: 0, timer: 0, pointer: 'mouse', drag: null, draggedAt: 0, picked: false };

    /** Feedback: an icon and words, never colour alone. kind: bravo, aide, info, fin */
    function say(kind, text) {
      feedback.className = 'pc-ex__retour pc-ex__retour--' + kind;
      feedback.textContent = '';
      var icon = make('span', 'pc-ex__icone', kind === 'bravo' || kind === 'fin' ? '✓' : 'ℹ');
      icon.setAttribute('aria-hidden', 'true');
      feedback.appendChild(icon);
      feedback.appendChild(document.createTextNode(' ' + text));
    }

    function button(className, icon, label) {
      var b = make('button', className);
      b.type = 'button';
      b.innerHTML = icon;
      b.appendChild(make('span', 'pc-ex__libelle', label));
      b.setAttribute('aria-describedby', task.id + ' ' + hint.id);
      return b;
    }

    function success() {
      clearTimeout(st.timer);
      say('bravo', praise[st.step % praise.length]);
      show(st.step + 1);
    }

    function show(n) {
      var focused = root.contains(document.activeElement);
      clearTimeout(st.timer);
      st.step = n;
      st.last = 0;
      st.picked = false;
      st.drag = null;
      zone.textContent = '';
      var step = STEPS[n];
      zone.hidden = task.hidden = hint.hidden = progress.hidden = !step;
      if (!step) {
        say('fin', s.done);
        if (focused) restart.focus();
        return;
      }
      progress.textContent = format(s.step, { n: n + 1, total: STEPS.length });
      task.textContent = s['step_' + (n + 1)];
      hint.textContent = s['hint_' + step.kind];
      zone.setAttribute('data-place', step.place);
      var first = step.kind === 'drag' ? dragStep() : target(step);
      if (focused) first.focus();
    }

    /** A click or double-click target. */
    function target(step) {
      var double = step.kind === 'double';
      var b = button('pc-ex__cible pc-ex__cible--' + step.size + (double ? ' pc-ex__cible--dossier' : ''),
        double ? FOLDER : '', double ? s.folder : step.size === 's' ? s.small_button : s.button);
      b.addEventListener('click', function (e) {
        if (!double) return success();
        var keyboard = e.detail === 0;
        var wait = keyboard ? DOUBLE_KEY_MS : DOUBLE_MS;
        var now = Date.now();
        if (e.detail > 1 || (st.last && now - st.last < wait)) return success();
        st.last = now;
        clearTimeout(st.timer);
        st.timer = setTimeout(function () {
          st.last = 0;
          say('aide', keyboard ? s.double_key : st.pointer === 'touch' ? s.double_touch : s.double_mouse);
        }, wait);
      });
      zone.appendChild(b);
      return b;
    }

    /** The document to put in the folder: drag it, or press it then the folder. */
    function dragStep() {
      var item = button('pc-ex__objet', DOC, s.document);
      var box = button('pc-ex__cible pc-ex__cible--dossier pc-ex__cible--l', FOLDER, s.folder);
      item.setAttribute('aria-pressed', 'false');

      function drop(e) {
        var d = st.drag;
        st.drag = null;
        item.style.transform = '';
        item.classList.remove('is-dragged');
        box.classList.remove('is-over');
        if (!d || !d.moved) return;
        st.draggedAt = Date.now();
        if (e.type === 'pointerup' && inside(box, e)) success();
        else say('aide', s.dropped);
      }

      item.addEventListener('pointerdown', function (e) {
        if (e.button) return;
        st.drag = { x: e.clientX, y: e.clientY, moved: false };
        try {
          item.setPointerCapture(e.pointerId);
        } catch (err) { /* synthetic event */ }
      });
      item.addEventListener('pointermove', function (e) {
        var d = st.drag;
        if (!d) return;
        var dx = e.clientX - d.x;
        var dy = e.clientY - d.y;
        if (!d.moved && dx * dx + dy * dy < 64) return;
        d.moved = true;
        item.classList.add('is-dragged');
        item.style.transform = 'translate(' + dx + 'px,' + dy + 'px)';
        box.classList.toggle('is-over', inside(box, e));
      });
      item.addEventListener('pointerup', drop);
      item.addEventListener('pointercancel', drop);
      item.addEventListener('click', function () {
        if (Date.now() - st.draggedAt < 600) return; // the end of a drag, not a press
        st.picked = !st.picked;
        item.setAttribute('aria-pressed', String(st.picked));
        if (st.picked) say('info', s.picked);
        else feedback.textContent = '';
      });
      box.addEventListener('click', function () {
        if (st.picked) success();
        else if (Date.now() - st.draggedAt > 600) say('aide', s.take_first);
      });
      zone.appendChild(item);
      zone.appendChild(box);
      return item;
    }

    // Mouse or finger? (for the words of the help)
    zone.addEventListener('pointerdown', function (e) { st.pointer = e.pointerType; });
    // Beside a target: a gentle word (a click, so that scrolling with a finger says nothing)
    zone.addEventListener('click', function (e) {
      if (e.target === zone && STEPS[st.step].kind !== 'drag') say('aide', st.pointer === 'touch' ? s.miss_touch : s.miss);
    });
    restart.addEventListener('click', function () {
      feedback.textContent = '';
      feedback.className = 'pc-ex__retour';
      show(0);
    });
    show(0);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('.pc-ex--souris'), setup);
  }

  ns.exerciceSouris = { init: init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
