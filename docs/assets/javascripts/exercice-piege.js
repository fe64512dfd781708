/* Parents connectés: « Vrai ou piège ? ». How it works: overrides/hooks/exercices.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.exercicePiege) {
    ns.exercicePiege.init();
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

  /** The cards are in the page (the answers, without JavaScript); show them one at a time. */
  function setup(root) {
    var game = root.querySelector('.pc-ex__jeu');
    var mails = root.querySelectorAll('.pc-ex__etapes > ol > li');
    if (root.hasAttribute('data-pc-init') || !game || !mails.length) return;
    root.setAttribute('data-pc-init', '');
    var s = {};
    try {
      s = JSON.parse(root.getAttribute('data-pc-strings') || '{}');
    } catch (e) { /* broken page: the messages and answers stay readable */ }
    function $(name) {
      return game.querySelector('.' + name);
    }
    var progress = $('pc-ex__progres');
    var task = $('pc-ex__consigne');
    var seen = $('pc-mail__vus');
    var place = $('pc-mail__place');
    var choices = $('pc-mail__choix');
    var feedback = $('pc-ex__retour');
    var next = $('pc-ex__bouton--suite');
    var restart = $('pc-mail__recommencer');
    var st = { n: 0, score: 0, clues: [], trap: false, reason: null };
    each(root.querySelectorAll('.pc-ex__sans-js, .pc-ex__etapes'), function (el) { el.hidden = true; });
    game.hidden = false;

    /** An icon and words, never colour alone. kind: bravo, aide, fin */
    function say(kind, parts) {
      feedback.className = 'pc-ex__retour pc-ex__retour--' + kind;
      feedback.textContent = '';
      var icon = document.createElement('span');
      icon.className = 'pc-ex__icone';
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = kind === 'aide' ? 'ℹ' : '✓';
      feedback.appendChild(icon);
      parts.forEach(function (part) {
        feedback.appendChild(document.createTextNode(' '));
        if (part) feedback.appendChild(typeof part === 'string' ? document.createTextNode(part) : part);
      });
    }

    function count() {
      seen.textContent = format(s.seen, { n: place.querySelectorAll('.is-vu').length, total: st.clues.length });
    }

    // A clue: a button that shows or hides its explanation (a disclosure)
    function open(button, on) {
      button.setAttribute('aria-expanded', String(on));
      document.getElementById(button.getAttribute('aria-controls')).hidden = !on;
      if (on) button.classList.add('is-vu');
      count();
    }

    function show(n, focus) {
      st.n = n;
      place.textContent = '';
      feedback.textContent = '';
      feedback.className = 'pc-ex__retour';
      next.hidden = true;
      var done = n >= mails.length;
      progress.hidden = task.hidden = seen.hidden = choices.hidden = done;
      restart.hidden = !done;
      if (done) {
        var all = mails.length;
        say('fin', [format(s.score, { n: st.score, total: all }),
          s[st.score === all ? 'score_all' : st.score * 2 >= all ? 'score_some' : 'score_low']]);
        if (focus) restart.focus();
        return;
      }
      progress.textContent = format(s.step, { n: n + 1, total: mails.length });
      var copy = mails[n].cloneNode(true);
      var answer = copy.querySelector('.pc-mail__reponse');
      var card = copy.querySelector('.pc-mail');
      st.reason = answer.querySelector('.pc-mail__raison');
      answer.parentNode.removeChild(answer);
      st.trap = card.getAttribute('data-verdict') === 'piege';
      card.tabIndex = -1;
      card.setAttribute('aria-labelledby', progress.id);
      each(card.querySelectorAll('.pc-mail__pourquoi'), function (p, i) {
        p.id = root.id + '-pourquoi-' + i;
        p.hidden = true;
      });
      st.clues = [];
      each(card.querySelectorAll('span.pc-mail__indice'), function (span) {
        var b = document.createElement('button');
        var why = card.querySelector('.pc-mail__pourquoi[data-indice="' + span.getAttribute('data-indice') + '"]');
        b.type = 'button';
        b.className = 'pc-mail__indice';
        while (span.firstChild) b.appendChild(span.firstChild);
        b.setAttribute('aria-expanded', 'false');
        b.setAttribute('aria-controls', why.id);
        b.setAttribute('aria-describedby', task.id);
        b.addEventListener('click', function () { open(b, b.getAttribute('aria-expanded') !== 'true'); });
        span.parentNode.replaceChild(b, span);
        st.clues.push(b);
      });
      while (copy.firstChild) place.appendChild(copy.firstChild);
      count();
      if (focus) card.focus();
    }

    function judge(trap) {
      var right = trap === st.trap;
      if (right) st.score++;
      st.clues.forEach(function (b) { open(b, true); });
      choices.hidden = true;
      say(right ? 'bravo' : 'aide', [s[right ? 'right' : 'wrong'], s[st.trap ? 'answer_trap' : 'answer_real'], st.reason]);
      next.textContent = st.n === mails.length - 1 ? s.see_score : s.next;
      next.hidden = false;
      next.focus();
    }

    each(choices.querySelectorAll('button'), function (b) {
      b.addEventListener('click', function () { judge(b.getAttribute('data-choix') === 'piege'); });
    });
    next.addEventListener('click', function () { show(st.n + 1, true); });
    restart.addEventListener('click', function () {
      st.score = 0;
      show(0, true);
    });
    show(0);
  }

  function init() {
    each(document.querySelectorAll('.pc-ex--piege'), setup);
  }

  ns.exercicePiege = { init: init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
