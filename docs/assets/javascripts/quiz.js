/**
 * Parents connectés: quizzes. Progressive enhancement of the <form class="pc-quiz">
 * that overrides/hooks/quiz.py renders (it works without JavaScript: <details> show
 * the answers). Adds « Vérifier », feedback, score, « Recommencer », « Effacer mes
 * réponses » and progress in localStorage. No framework, no build step, no request:
 * strings come from data-pc-strings, so file:// works. One global: ParentsConnectes.
 */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  // Loaded twice: the first copy does the work
  if (ns.quiz) {
    ns.quiz.init();
    return;
  }

  var PREFIX = 'parents-connectes:quiz:';

  /** localStorage or null: when blocked, reading the property itself throws. */
  function storage() {
    try {
      return window.localStorage || null;
    } catch (e) {
      return null;
    }
  }

  /** @returns {object|null} what was saved for this quiz id */
  function load(id) {
    try {
      var data = JSON.parse(storage().getItem(PREFIX + id));
      return data && typeof data === 'object' ? data : null;
    } catch (e) {
      return null;
    }
  }

  /** Save, or silently do nothing: the quiz works the same without storage. */
  function save(id, data) {
    try {
      storage().setItem(PREFIX + id, JSON.stringify(data));
    } catch (e) { /* blocked or full */ }
  }

  function forget(id) {
    try {
      storage().removeItem(PREFIX + id);
    } catch (e) { /* blocked */ }
  }

  /** Replace {n} and {total} in a string from i18n/<lang>.yml. */
  function format(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  /** The plural form for n in the page's language (Arabic has six). */
  function plural(forms, n) {
    var rule = 'other';
    try {
      rule = new Intl.PluralRules(document.documentElement.lang || 'fr').select(n);
    } catch (e) { /* old browser: "other" */ }
    return forms[rule] || forms.other || '';
  }

  /** Create an element with a class and optional text. */
  function make(tag, className, text) {
    var el = document.createElement(tag);
    el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  /** A verdict paragraph: an icon and words, never colour alone. */
  function verdict(ok, text) {
    var p = make('p', 'pc-quiz__verdict pc-quiz__verdict--' + (ok ? 'right' : 'wrong'));
    var icon = make('span', 'pc-quiz__icon', ok ? '✓' : '✗');
    icon.setAttribute('aria-hidden', 'true');
    p.appendChild(icon);
    p.appendChild(document.createTextNode(' ' + text));
    return p;
  }

  /** Copy of a part of the <details> answer (null if absent). */
  function copy(question, selector) {
    var found = question.details && question.details.querySelector(selector);
    return found ? found.cloneNode(true) : null;
  }

  /** Enhance one form; the data-pc-quiz-init marker makes a second call harmless. */
  function setup(form) {
    if (form.hasAttribute('data-pc-quiz-init')) return;
    form.setAttribute('data-pc-quiz-init', '');
    var strings = {};
    try {
      strings = JSON.parse(form.getAttribute('data-pc-strings') || '{}');
    } catch (e) { /* keep the no-JS form */ }
    var id = form.getAttribute('data-quiz-id');
    var quiz = { form: form, id: id, strings: strings, answers: {}, best: null, questions: [] };

    // Never submit: nothing leaves the page
    form.addEventListener('submit', function (event) { event.preventDefault(); });

    Array.prototype.forEach.call(form.querySelectorAll('.pc-quiz__question'), function (fieldset, index) {
      var q = {
        index: index,
        fieldset: fieldset,
        fields: Array.prototype.slice.call(fieldset.querySelectorAll('input, select')),
        details: fieldset.querySelector('.pc-quiz__answer')
      };
      q.button = make('button', 'pc-quiz__check', strings.check);
      q.button.type = 'button';
      q.button.addEventListener('click', function () { check(quiz, q, false); });
      q.result = make('div', 'pc-quiz__result');
      var list = fieldset.querySelector('ul');
      list.parentNode.insertBefore(q.button, list.nextSibling);
      q.button.parentNode.insertBefore(q.result, q.button.nextSibling);
      // Enter on a choice checks this question (it would do nothing otherwise)
      fieldset.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && event.target.tagName === 'INPUT') {
          event.preventDefault();
          check(quiz, q, false);
        }
      });
      quiz.questions.push(q);
    });
    quiz.signature = quiz.questions.map(function (q) {
      return q.fieldset.getAttribute('data-type') + q.fields.length;
    }).join(',');

    var footer = make('div', 'pc-quiz__footer');
    quiz.status = make('div', 'pc-quiz__status');
    var restart = make('button', 'pc-quiz__restart', strings.restart);
    var clear = make('button', 'pc-quiz__clear', strings.clear);
    restart.type = clear.type = 'button';
    restart.addEventListener('click', function () { reset(quiz, true); });
    clear.addEventListener('click', function () {
      reset(quiz, false);
      quiz.best = null;
      forget(id);
      quiz.status.appendChild(make('p', '', strings.cleared));
    });
    footer.appendChild(quiz.status);
    footer.appendChild(restart);
    footer.appendChild(clear);
    footer.appendChild(make('p', 'pc-quiz__note', strings.saved_note));
    form.appendChild(footer);

    var restored = restore(quiz);
    // Live regions from now on: restoring answers must not read them all aloud
    quiz.questions.forEach(function (q) { q.result.setAttribute('aria-live', 'polite'); });
    quiz.status.setAttribute('aria-live', 'polite');
    if (restored) quiz.status.appendChild(make('p', '', strings.restored));
  }

  /** Put back saved answers if they fit the questions; true if any came back. */
  function restore(quiz) {
    var data = load(quiz.id);
    if (!data || data.signature !== quiz.signature) return false;
    quiz.best = typeof data.best === 'number' ? data.best : null;
    var count = 0;
    quiz.questions.forEach(function (q) {
      var values = data.answers && data.answers[q.index];
      if (!Array.isArray(values) || values.length !== q.fields.length) return;
      q.fields.forEach(function (field, i) {
        if (field.tagName === 'SELECT') field.value = String(values[i]);
        else field.checked = values[i] === true;
      });
      if (check(quiz, q, true)) count++;
      else q.result.textContent = '';
    });
    if (count) showScore(quiz, true);
    return count > 0;
  }

  /**
   * Check a question: lock it, mark the choices, say right or wrong in words, show
   * the right answer, the notes on the wrong choices and the explanation.
   * @param {boolean} restoring replaying saved answers: no saving, no event
   * @returns {boolean} false when nothing was chosen yet
   */
  function check(quiz, q, restoring) {
    if (q.locked) return true;
    var s = quiz.strings;
    var order = q.fieldset.getAttribute('data-type') === 'ordre';
    var chosen = q.fields.filter(function (f) { return order ? f.value : f.checked; });
    q.result.textContent = '';
    if (order ? chosen.length < q.fields.length : !chosen.length) {
      q.result.appendChild(make('p', 'pc-quiz__verdict', order ? s.order_incomplete : s.choose_first));
      return false;
    }
    var ok = q.fields.every(function (f) {
      return order ? f.value === f.getAttribute('data-answer') : f.checked === f.hasAttribute('data-correct');
    });
    q.locked = true;
    q.ok = ok;
    q.button.setAttribute('aria-disabled', 'true');
    q.fields.forEach(function (f) {
      f.disabled = true;
      var right = order ? f.value === f.getAttribute('data-answer') : f.hasAttribute('data-correct');
      if (!order && !f.checked) return;
      var item = f.parentNode;
      item.classList.add(right ? 'is-right' : 'is-wrong');
      var mark = make('span', 'pc-quiz__mark', right ? '✓' : '✗');
      mark.setAttribute('aria-hidden', 'true');
      item.appendChild(mark);
    });
    q.result.appendChild(verdict(ok, ok ? s.right : s.wrong));
    var parts = [ok ? null : copy(q, '.pc-quiz__solution')];
    chosen.forEach(function (f) {
      if (!order && !f.hasAttribute('data-correct')) parts.push(copy(q, '[data-choice="' + f.value + '"]'));
    });
    parts.push(copy(q, '.pc-quiz__explanation'));
    parts.forEach(function (part) {
      if (!part) return;
      if (part.tagName === 'LI') {
        var note = make('p', 'pc-quiz__feedback');
        while (part.firstChild) note.appendChild(part.firstChild);
        part = note;
      }
      q.result.appendChild(part);
    });
    // The answer is now on screen: the « Voir la réponse » block would repeat it
    if (q.details) q.details.hidden = true;
    quiz.answers[q.index] = q.fields.map(function (f) { return order ? f.value : f.checked; });
    if (!restoring) {
      showScore(quiz, false);
      persist(quiz);
      quiz.form.dispatchEvent(new CustomEvent('pc-quiz:checked', { detail: { question: q.index, correct: ok } }));
    }
    return true;
  }

  /** Once every question is checked: score, a kind message, best score. */
  function showScore(quiz, restoring) {
    var total = quiz.questions.length;
    var done = quiz.questions.filter(function (q) { return q.locked; });
    if (done.length < total) return;
    var n = done.filter(function (q) { return q.ok; }).length;
    var s = quiz.strings;
    var previous = quiz.best;
    quiz.best = Math.max(n, previous === null ? 0 : previous);
    quiz.status.textContent = '';
    quiz.status.appendChild(make('p', 'pc-quiz__score', format(plural(s.score || {}, n), { n: n, total: total })));
    quiz.status.appendChild(make('p', '', n === total ? s.perfect : n * 2 >= total ? s.good : s.keep_going));
    if (previous !== null) {
      quiz.status.appendChild(make('p', '', format(s.best, { n: quiz.best, total: total })));
    }
    if (!restoring) {
      quiz.form.dispatchEvent(new CustomEvent('pc-quiz:done', { detail: { score: n, total: total } }));
    }
  }

  function persist(quiz) {
    save(quiz.id, { v: 1, signature: quiz.signature, answers: quiz.answers, best: quiz.best });
  }

  /** Empty the quiz; keep (« Recommencer ») saves the best score again. */
  function reset(quiz, keep) {
    quiz.answers = {};
    quiz.questions.forEach(function (q) {
      q.locked = false;
      q.ok = false;
      q.button.removeAttribute('aria-disabled');
      q.result.textContent = '';
      if (q.details) {
        q.details.hidden = false;
        q.details.open = false;
      }
      q.fields.forEach(function (f) {
        f.disabled = false;
        if (f.tagName === 'SELECT') f.value = '';
        else f.checked = false;
        f.parentNode.classList.remove('is-right', 'is-wrong');
        var mark = f.parentNode.querySelector('.pc-quiz__mark');
        if (mark) mark.parentNode.removeChild(mark);
      });
    });
    quiz.status.textContent = '';
    if (keep) persist(quiz);
    var first = quiz.questions[0] && quiz.questions[0].fields[0];
    if (first) first.focus();
  }

  /** Enhance every quiz in the page (or in root). */
  function init(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll('form.pc-quiz'), setup);
  }

  /** Remove every quiz's saved answers (for a kiosk session end). */
  function forgetAll() {
    var store = storage();
    try {
      for (var i = store.length - 1; i >= 0; i--) {
        if (store.key(i).indexOf(PREFIX) === 0) store.removeItem(store.key(i));
      }
    } catch (e) { /* blocked */ }
  }

  ns.quiz = { init: init, forgetAll: forgetAll };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(); });
  } else {
    init();
  }
})();
