/* Parents connectés: the checklist before leaving the kiosk. How it works: overrides/hooks/ex_demarches.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.exerciceFinDeSession) {
    ns.exerciceFinDeSession.init();
    return;
  }
  var lists = [];

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  function format(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  /** Nothing is stored: the ticks live in the page only, and go at the first occasion. */
  function setup(root) {
    var game = root.querySelector('.pc-ex__jeu');
    if (root.hasAttribute('data-pc-init') || !game) return;
    root.setAttribute('data-pc-init', '');
    var s = {};
    try {
      s = JSON.parse(root.getAttribute('data-pc-strings') || '{}');
    } catch (e) { /* broken page: the list stays readable */ }
    var boxes = game.querySelectorAll('.pc-fin__case');
    var count = game.querySelector('.pc-ex__progres');
    var feedback = game.querySelector('.pc-ex__retour');
    var timer = 0;
    each(root.querySelectorAll('.pc-ex__sans-js, .pc-ex__etapes'), function (el) { el.hidden = true; });
    game.hidden = false;

    function say(kind, text) {
      feedback.className = 'pc-ex__retour' + (kind ? ' pc-ex__retour--' + kind : '');
      feedback.textContent = '';
      if (!text) return;
      var icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = kind === 'fin' ? '✓' : 'ℹ';
      feedback.appendChild(icon);
      feedback.appendChild(document.createTextNode(' ' + text));
    }

    function open(button, on) {
      button.setAttribute('aria-expanded', String(on));
      document.getElementById(button.getAttribute('aria-controls')).hidden = !on;
    }

    function update() {
      var done = game.querySelectorAll('.pc-fin__case:checked').length;
      count.textContent = format(s.count, { n: done, total: boxes.length });
      clearTimeout(timer);
      if (done === boxes.length) {
        say('fin', s.all_done);
        timer = setTimeout(function () { clear(s.cleared); }, (s.reset || 60) * 1000);
      } else if (feedback.className.indexOf('--fin') > 0) {
        say('', '');
      }
    }

    /** Untick everything, close the explanations; ``text`` says why (or nothing). */
    function clear(text) {
      clearTimeout(timer);
      each(boxes, function (box) { box.checked = false; });
      each(game.querySelectorAll('.pc-fin__plus'), function (b) { open(b, false); });
      update();
      say(text ? 'info' : '', text);
    }

    each(boxes, function (box) { box.addEventListener('change', update); });
    each(game.querySelectorAll('.pc-fin__plus'), function (b) {
      b.addEventListener('click', function () { open(b, b.getAttribute('aria-expanded') !== 'true'); });
    });
    game.querySelector('.pc-fin__recommencer').addEventListener('click', function () {
      clear('');
      boxes[0].focus();
    });
    lists.push(clear);
    // A browser may fill the boxes back after a reload: never here
    clear('');
  }

  function clearAll(event) {
    if (event.type !== 'visibilitychange' || document.hidden) {
      lists.forEach(function (clear) { clear(''); });
    }
  }

  function init() {
    each(document.querySelectorAll('.pc-ex--fin-de-session'), setup);
  }

  // The page hidden (another tab, the kiosk's screen off), left, or shown again from the cache
  addEventListener('pagehide', clearAll);
  addEventListener('pageshow', clearAll);
  document.addEventListener('visibilitychange', clearAll);
  ns.exerciceFinDeSession = { init: init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
