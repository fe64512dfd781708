/* Parents connectés: « Mon parcours ». Reads this browser's progress (lessons marked
 * « J'ai terminé », quiz answers), writes each item's state, the totals and what comes next;
 * « Imprimer le résumé », « Tout effacer ». Nothing is fetched or sent. The list and the
 * strings are in the page (overrides/hooks/parcours.py), so file:// works. */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.parcours) return;
  ns.parcours = {};
  var LESSON = 'parents-connectes:lecon:';
  var QUIZ = 'parents-connectes:quiz:';
  var d = document;

  function storage() {
    try {
      var store = window.localStorage;
      store.getItem(LESSON);
      return store;
    } catch (e) {
      return null;
    }
  }

  function format(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  function date(iso) {
    var lang = d.documentElement.lang || 'fr';
    try {
      // Digits 0-9 in every language, as on French screens
      return new Date(iso + 'T12:00:00').toLocaleDateString(lang + '-u-nu-latn', { day: 'numeric', month: 'long', year: 'numeric' });
    } catch (e) {
      return iso;
    }
  }

  function quizState(store, id) {
    try {
      var data = JSON.parse(store.getItem(QUIZ + id));
      if (!data || typeof data !== 'object') return null;
      return { answered: Object.keys(data.answers || {}).length, best: typeof data.best === 'number' ? data.best : null };
    } catch (e) {
      return null;
    }
  }

  function setup(box) {
    var s = {};
    try {
      s = JSON.parse(box.getAttribute('data-pc-parcours') || '{}');
    } catch (e) { /* keep the plain list */ }
    var store = storage();
    var noJs = box.querySelector('.pc-parcours__sans-js');
    var bilan = box.querySelector('.pc-parcours__bilan');
    var message = box.querySelector('[data-pc-message]');
    var confirm = box.querySelector('.pc-parcours__confirmer');
    var clear = box.querySelector('[data-pc-effacer]');
    var links = [].slice.call(box.querySelectorAll('a[data-pc-lecon], a[data-pc-quiz]'));
    if (noJs) noJs.hidden = true;
    bilan.hidden = false;
    links.forEach(function (a) {
      var state = d.createElement('span');
      state.className = 'pc-parcours__etat';
      a.parentNode.appendChild(d.createTextNode(' '));
      a.parentNode.appendChild(state);
    });

    function render() {
      var lessons = 0;
      var lessonsDone = 0;
      var quizzes = 0;
      var quizzesDone = 0;
      var next = null;
      links.forEach(function (a) {
        var item = a.parentNode;
        var state = item.querySelector('.pc-parcours__etat');
        var done = false;
        var text = s.todo;
        if (a.hasAttribute('data-pc-lecon')) {
          lessons++;
          var when = store && store.getItem(LESSON + a.getAttribute('data-pc-lecon'));
          if (when) {
            done = true;
            lessonsDone++;
            text = format(s.lesson_done, { date: date(when) });
          }
        } else {
          quizzes++;
          var total = +a.getAttribute('data-pc-questions') || 0;
          var q = store && quizState(store, a.getAttribute('data-pc-quiz'));
          if (q && q.best !== null) {
            done = true;
            quizzesDone++;
            text = format(s.quiz_done, { n: q.best, total: total });
          } else if (q && q.answered) {
            text = format(s.quiz_started, { n: q.answered, total: total });
          }
        }
        item.classList.toggle('pc-fait', done);
        state.textContent = (done ? '✓ ' : '○ ') + text;
        if (!done && !next) next = a;
      });
      box.querySelector('[data-pc-resume]').textContent =
        format(s.summary_lessons, { n: lessonsDone, total: lessons }) + ' ' +
        format(s.summary_quizzes, { n: quizzesDone, total: quizzes });
      var follow = box.querySelector('[data-pc-suivant]');
      follow.textContent = '';
      if (!next) {
        follow.textContent = s.all_done;
      } else {
        follow.appendChild(d.createTextNode((lessonsDone + quizzesDone ? s.next : s.start) + ' '));
        var link = d.createElement('a');
        link.href = next.getAttribute('href');
        link.textContent = next.textContent;
        follow.appendChild(link);
      }
      box.querySelector('[data-pc-date]').textContent =
        format(s.printed, { date: date(new Date().toISOString().slice(0, 10)) });
    }

    function ask(open) {
      confirm.hidden = !open;
      clear.setAttribute('aria-expanded', String(open));
      (open ? confirm.querySelector('[data-pc-non]') : clear).focus();
    }

    box.querySelector('[data-pc-imprimer]').addEventListener('click', function () { window.print(); });
    clear.addEventListener('click', function () {
      message.textContent = '';
      ask(confirm.hidden);
    });
    confirm.querySelector('[data-pc-non]').addEventListener('click', function () { ask(false); });
    confirm.querySelector('[data-pc-oui]').addEventListener('click', function () {
      try {
        for (var i = store.length - 1; i >= 0; i--) {
          var key = store.key(i);
          if (key.indexOf(LESSON) === 0 || key.indexOf(QUIZ) === 0) store.removeItem(key);
        }
      } catch (e) { /* blocked */ }
      ask(false);
      render();
      message.textContent = s.cleared;
    });
    if (!store) {
      message.textContent = s.no_storage;
      clear.style.display = 'none';
    }
    render();
    // Another tab marked a lesson or answered a quiz
    window.addEventListener('storage', render);
  }

  [].forEach.call(d.querySelectorAll('[data-pc-parcours]'), setup);
})();
