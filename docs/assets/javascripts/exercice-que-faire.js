/* Parents connectés: « Que faire ? ». How it works: overrides/hooks/exercices.py, ex_ecrans.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.exerciceQueFaire) {
    ns.exerciceQueFaire.init();
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

  /** The stories are in the page with their answers (without JavaScript); one at a time here. */
  function setup(root) {
    var game = root.querySelector('.pc-ex__jeu');
    var stories = root.querySelectorAll('.pc-ex__etapes .pc-qf');
    if (root.hasAttribute('data-pc-init') || !game || !stories.length) return;
    root.setAttribute('data-pc-init', '');
    var s = {};
    try {
      s = JSON.parse(root.getAttribute('data-pc-strings') || '{}');
    } catch (e) { /* broken page: the stories and answers stay readable */ }
    function $(name) {
      return game.querySelector('.' + name);
    }
    var progress = $('pc-ex__progres');
    var place = $('pc-qf__place');
    var feedback = $('pc-ex__retour');
    var next = $('pc-ex__bouton--suite');
    var restart = $('pc-qf__recommencer');
    var summary = root.querySelector('.pc-qf__resume');
    var n = 0;
    each(root.querySelectorAll('.pc-ex__sans-js, .pc-ex__etapes'), function (el) { el.hidden = true; });
    game.hidden = false;

    /** The reason for a choice, then what to do. An icon in words, never colour alone. */
    function say(item, action) {
      var good = item.getAttribute('data-verdict') === 'bon';
      feedback.className = 'pc-ex__retour pc-ex__retour--' + (good ? 'bravo' : 'aide');
      feedback.textContent = '';
      var why = item.querySelector('.pc-qf__raison').cloneNode(true);
      why.hidden = false;
      var todo = action.cloneNode(true);
      todo.hidden = false;
      var more = document.createElement('p');
      more.className = 'pc-ex__astuce';
      more.textContent = s.again || '';
      feedback.appendChild(why);
      feedback.appendChild(todo);
      feedback.appendChild(more);
    }

    function show(i, focus) {
      n = i;
      place.textContent = '';
      feedback.textContent = '';
      feedback.className = 'pc-ex__retour';
      next.hidden = true;
      var done = i >= stories.length;
      progress.hidden = done;
      restart.hidden = summary.hidden = !done;
      if (done) {
        if (focus) summary.focus();
        return;
      }
      progress.textContent = format(s.step, { n: i + 1, total: stories.length });
      var card = stories[i].cloneNode(true);
      var action = card.querySelector('.pc-qf__action');
      action.hidden = true;
      card.tabIndex = -1;
      card.setAttribute('aria-labelledby', progress.id);
      var question = card.querySelector('.pc-qf__question');
      question.id = root.id + '-question';
      each(card.querySelectorAll('.pc-qf__choix > li'), function (item) {
        var text = item.querySelector('.pc-qf__texte');
        item.querySelector('.pc-qf__raison').hidden = true;
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'pc-qf__bouton';
        b.setAttribute('aria-pressed', 'false');
        b.setAttribute('aria-describedby', question.id);
        // The letter stays visible (A, B, C): the list's numbers are hidden by the button
        var letter = document.createElement('span');
        letter.className = 'pc-qf__lettre';
        letter.setAttribute('aria-hidden', 'true');
        letter.textContent = item.getAttribute('data-choix').toUpperCase();
        b.appendChild(letter);
        while (text.firstChild) b.appendChild(text.firstChild);
        text.parentNode.replaceChild(b, text);
        b.addEventListener('click', function () {
          each(card.querySelectorAll('.pc-qf__bouton'), function (other) {
            other.setAttribute('aria-pressed', String(other === b));
          });
          item.classList.add('is-vu');
          say(item, action);
          next.textContent = n === stories.length - 1 ? s.see_summary : s.next;
          next.hidden = false;
        });
      });
      place.appendChild(card);
      if (focus) card.focus();
    }

    next.addEventListener('click', function () { show(n + 1, true); });
    restart.addEventListener('click', function () { show(0, true); });
    show(0);
  }

  function init() {
    each(document.querySelectorAll('.pc-ex--que-faire'), setup);
  }

  ns.exerciceQueFaire = { init: init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
