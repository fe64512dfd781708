/* Parents connectés: « Où cliquer ? ». How it works: overrides/hooks/ex_demarches.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.exerciceOuCliquer) {
    ns.exerciceOuCliquer.init();
    return;
  }

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  function format(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  /** The screens are in the page, hidden without JavaScript; show them one at a time. */
  function setup(root) {
    var game = root.querySelector('.pc-ex__jeu');
    var screens = root.querySelectorAll('.pc-ecran');
    if (root.hasAttribute('data-pc-init') || !game || !screens.length) return;
    root.setAttribute('data-pc-init', '');
    var s = {};
    try {
      s = JSON.parse(root.getAttribute('data-pc-strings') || '{}');
    } catch (e) { /* broken page: the steps stay readable */ }
    function $(name) {
      return game.querySelector('.' + name);
    }
    var progress = $('pc-ex__progres');
    var task = $('pc-ex__consigne');
    var feedback = $('pc-ex__retour');
    var next = $('pc-ex__bouton--suite');
    var restart = $('pc-ou__recommencer');
    var praise = s.encouragements && s.encouragements.length ? s.encouragements : ['✓'];
    var parts = s.parts || [];
    var st = { n: 0, misses: 0, wait: false };
    each(root.querySelectorAll('.pc-ex__sans-js, .pc-ex__etapes'), function (el) { el.hidden = true; });
    game.hidden = false;

    function texts(screen) {
      return (s.screens || {})[screen.getAttribute('data-ecran')] || {};
    }

    /** An icon and words, never colour alone. kind: bravo, aide, fin */
    function say(kind, words) {
      feedback.className = 'pc-ex__retour' + (kind ? ' pc-ex__retour--' + kind : '');
      feedback.textContent = '';
      if (!kind) return;
      var icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = kind === 'aide' ? 'ℹ' : '✓';
      feedback.appendChild(icon);
      feedback.appendChild(document.createTextNode(' ' + words.filter(Boolean).join(' ')));
    }

    function show(n, focus) {
      st.n = n;
      st.misses = 0;
      st.wait = false;
      var screen = screens[n];
      var part = +screen.getAttribute('data-partie');
      var inPart = root.querySelectorAll('.pc-ecran[data-partie="' + part + '"]');
      var step = Array.prototype.indexOf.call(inPart, screen);
      each(screens, function (el) {
        el.hidden = el !== screen;
      });
      each(screen.querySelectorAll('.is-montre'), function (b) { b.classList.remove('is-montre'); });
      var file = screen.querySelector('.pc-telech');
      if (file) file.hidden = true;
      screen.removeAttribute('data-fini');
      progress.textContent = format(s.part, { n: part, total: parts.length, name: parts[part - 1] }) + ' – ' +
        format(s.step, { n: step + 1, total: inPart.length });
      task.textContent = texts(screen).task || '';
      screen.setAttribute('aria-describedby', task.id);
      next.hidden = restart.hidden = true;
      if (focus) screen.focus();
    }

    function success(screen) {
      var after = screens[st.n + 1];
      var word = praise[st.n % praise.length];
      var file = screen.querySelector('.pc-telech');
      if (after && after.getAttribute('data-partie') === screen.getAttribute('data-partie')) {
        var login = screen.getAttribute('data-ecran') === 'caf-accueil' ? s.login : '';
        show(st.n + 1, true);
        say('bravo', [word, login]);
        return;
      }
      // The end of a part: the drawn download, then the next part or the end
      st.wait = true;
      screen.setAttribute('data-fini', '');
      each(screen.querySelectorAll('.is-montre'), function (b) { b.classList.remove('is-montre'); });
      if (file) file.hidden = false;
      var end = !after;
      say(end ? 'fin' : 'bravo', [word, s.downloaded, end ? s.done : '']);
      var button = end ? restart : next;
      button.hidden = false;
      button.focus();
    }

    function miss(screen, button) {
      st.misses++;
      var right = screen.querySelector('[data-bon]');
      var t = texts(screen);
      var why = button && button.hasAttribute('data-sortie') ? s.logout : s.miss;
      if (st.misses > 1) right.classList.add('is-montre');
      say('aide', [why, t.hint, st.misses > 1 ? s.show : '']);
    }

    // One listener for every screen: mouse, finger and keyboard all give a click on a <button>
    game.addEventListener('click', function (e) {
      var screen = screens[st.n];
      if (st.wait || !screen.contains(e.target)) return;
      var button = e.target.closest('button');
      if (button && button.hasAttribute('data-bon')) success(screen);
      else miss(screen, button);
    });
    next.addEventListener('click', function () {
      say('', []);
      show(st.n + 1, true);
    });
    restart.addEventListener('click', function () {
      say('', []);
      show(0, true);
    });
    show(0);
  }

  function init() {
    each(document.querySelectorAll('.pc-ex--ou-cliquer'), setup);
  }

  ns.exerciceOuCliquer = { init: init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
