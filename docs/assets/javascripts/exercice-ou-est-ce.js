/* Parents connectés: « Où est-ce ? » on a drawn Pronote-like menu. How it works: overrides/hooks/ex_ecole.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.exerciceOuEstCe) {
    ns.exerciceOuEstCe.init();
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

  /** The menu is in the page, hidden without JavaScript (the answers are listed instead). */
  function setup(root) {
    var game = root.querySelector('.pc-ex__jeu');
    if (root.hasAttribute('data-pc-init') || !game) return;
    root.setAttribute('data-pc-init', '');
    var s = {};
    try {
      s = JSON.parse(root.getAttribute('data-pc-strings') || '{}');
    } catch (e) { /* broken page: the answers stay readable */ }
    var questions = s.questions || [];
    function $(name) {
      return game.querySelector('.' + name);
    }
    var progress = $('pc-ex__progres');
    var task = $('pc-ex__consigne');
    var screen = $('pc-pn');
    var feedback = $('pc-ex__retour');
    var next = $('pc-ex__bouton--suite');
    var restart = $('pc-pn__recommencer');
    var places = game.querySelectorAll('.pc-pn__lieu');
    var st = { n: 0, score: 0, misses: 0, found: false };
    each(root.querySelectorAll('.pc-ex__sans-js, .pc-ex__etapes'), function (el) { el.hidden = true; });
    game.hidden = false;

    /** An icon and words, never colour alone. kind: bravo, aide, fin */
    function say(kind, text) {
      feedback.className = 'pc-ex__retour' + (kind ? ' pc-ex__retour--' + kind : '');
      feedback.textContent = '';
      if (!text) return;
      var icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = kind === 'aide' ? 'ℹ' : '✓';
      feedback.appendChild(icon);
      feedback.appendChild(document.createTextNode(' ' + text));
    }

    function ask(n, focus) {
      var done = n >= questions.length;
      st.n = n;
      st.misses = 0;
      st.found = false;
      each(places, function (b) { b.classList.remove('is-trouve', 'is-solution'); });
      say('', '');
      next.hidden = true;
      progress.hidden = task.hidden = screen.hidden = done;
      restart.hidden = !done;
      if (done) {
        var all = questions.length;
        say('fin', format(s.score, { n: st.score, total: all }) + ' ' +
          s[st.score === all ? 'score_all' : st.score * 2 >= all ? 'score_some' : 'score_low']);
        if (focus) restart.focus();
        return;
      }
      progress.textContent = format(s.step, { n: n + 1, total: questions.length });
      task.textContent = questions[n].q;
      if (focus) task.focus();
    }

    each(places, function (b) {
      b.addEventListener('click', function () {
        var q = questions[st.n];
        if (!q || st.found) return;
        var right = game.querySelector('.pc-pn__lieu[data-lieu="' + q.place + '"]');
        if (b === right) {
          st.found = true;
          if (!st.misses) st.score++;
          b.classList.remove('is-solution');
          b.classList.add('is-trouve');
          say('bravo', s.right + ' ' + q.answer);
          next.textContent = st.n === questions.length - 1 ? s.see_score : s.next;
          next.hidden = false;
          next.focus();
          return;
        }
        // First miss: where to look; then the right place is framed
        st.misses++;
        if (st.misses > 1) right.classList.add('is-solution');
        say('aide', s.miss + ' ' + q.hint + (st.misses > 1 ? ' ' + s.show : ''));
      });
    });
    next.addEventListener('click', function () { ask(st.n + 1, true); });
    restart.addEventListener('click', function () {
      st.score = 0;
      ask(0, true);
    });
    ask(0);
  }

  function init() {
    each(document.querySelectorAll('.pc-ex--ou-est-ce'), setup);
  }

  ns.exerciceOuEstCe = { init: init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
