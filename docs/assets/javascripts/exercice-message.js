/* Parents connectés: practice e-mail. How it works: overrides/hooks/exercices.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.exerciceMessage) {
    ns.exerciceMessage.init();
    return;
  }

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  /** What is missing in an address, as a key of the strings ('' when it looks right). */
  function addressError(value) {
    var parts = value.split('@');
    var end = parts[1];
    return !value ? 'to_empty'
      : /\s/.test(value) ? 'to_space'
        : parts.length < 2 ? 'to_no_at'
          : parts.length > 2 ? 'to_two_at'
            : !parts[0] ? 'to_no_name'
              : !end ? 'to_no_end'
                : end.indexOf('.') < 0 ? 'to_no_dot'
                  : /^\.|\.$|\.\./.test(end) ? 'to_dot' : '';
  }

  function lower(text) {
    return text.toLowerCase().replace(/[\s.,;:!…]+$/, '');
  }

  /** An icon (hidden from screen readers) and words, never colour alone. */
  function put(el, icon, text) {
    el.textContent = '';
    if (!text) return;
    var span = document.createElement('span');
    span.setAttribute('aria-hidden', 'true');
    span.textContent = icon;
    el.appendChild(span);
    el.appendChild(document.createTextNode(' ' + text));
  }

  /** The form is in the page, hidden without JavaScript; nothing leaves this function. */
  function setup(root) {
    var game = root.querySelector('.pc-ex__jeu');
    if (root.hasAttribute('data-pc-init') || !game) return;
    root.setAttribute('data-pc-init', '');
    var s = {};
    try {
      s = JSON.parse(root.getAttribute('data-pc-strings') || '{}');
    } catch (e) { /* broken page: the steps stay readable */ }
    function $(name) {
      return game.querySelector('.' + name);
    }
    var fields = {};
    each(game.querySelectorAll('[data-champ]'), function (f) { fields[f.getAttribute('data-champ')] = f; });
    var file = $('pc-msg__fichier');
    var piece = $('pc-msg__piece');
    var feedback = $('pc-ex__retour');
    var restart = $('pc-msg__recommencer');
    each(root.querySelectorAll('.pc-ex__sans-js, .pc-ex__etapes'), function (el) { el.hidden = true; });
    game.hidden = false;

    function lines() {
      return fields.body.value.split('\n').map(function (l) { return l.trim(); }).filter(Boolean);
    }

    // A greeting opens the message: « Bonjour Madame, », « Madame, »…
    function greets() {
      var first = lower(lines()[0] || '');
      return (s.greetings || []).some(function (g) {
        return first.indexOf(g) === 0 && !/[a-z\u00c0-\u024f\u0600-\u06ff]/.test(first.charAt(g.length));
      });
    }

    // A signature: a short last line of its own, not a sentence, not « Cordialement » alone
    function signed() {
      var all = lines();
      var last = all[all.length - 1] || '';
      var words = last.split(/\s+/).length;
      return all.length > 1 && words <= 5 && !(words > 3 && /[.?!]$/.test(last)) &&
        (s.closings || []).indexOf(lower(last)) < 0;
    }

    var checks = {
      to: function () { return addressError(fields.to.value.trim()); },
      subject: function () { return fields.subject.value.trim() ? '' : 'subject_empty'; },
      body: function () { return !lines().length ? 'body_empty' : signed() ? '' : 'no_signature'; }
    };

    /** An error under its field (aria-describedby), the field marked aria-invalid. */
    function mark(name, key) {
      var error = document.getElementById(fields[name].id + '-erreur');
      fields[name].setAttribute('aria-invalid', String(!!key));
      put(error, '⚠', key && s[key]);
      return !key;
    }

    function say(kind, text) {
      feedback.className = 'pc-ex__retour' + (kind ? ' pc-ex__retour--' + kind : '');
      put(feedback, kind === 'aide' ? 'ℹ' : '✓', text);
    }

    function attach(name) {
      piece.querySelector('bdi').textContent = name;
      piece.hidden = !name;
    }

    $('pc-msg__envoyer').addEventListener('click', function () {
      var wrong = Object.keys(checks).filter(function (name) { return !mark(name, checks[name]()); });
      if (wrong.length) {
        say('aide', s.not_ready);
        fields[wrong[0]].focus();
        return;
      }
      say('fin', s.ready + (greets() ? '' : ' ' + s.no_greeting));
      restart.hidden = false;
    });
    // A field in error is checked again while it is corrected; its error goes once it is right
    Object.keys(fields).forEach(function (name) {
      fields[name].addEventListener('input', function () {
        if (fields[name].getAttribute('aria-invalid') === 'true' && !checks[name]()) mark(name, '');
        if (feedback.className.indexOf('--fin') > 0) say('', '');
      });
    });
    // Only the file's name is shown; the file is never read, and the input forgets it
    file.addEventListener('change', function () {
      var chosen = file.files && file.files[0];
      if (chosen) attach(chosen.name);
      file.value = '';
    });
    $('pc-msg__exemple').addEventListener('click', function () { attach(s.file); });
    $('pc-msg__retirer').addEventListener('click', function () {
      attach('');
      file.focus();
    });
    restart.addEventListener('click', function () {
      Object.keys(fields).forEach(function (name) {
        fields[name].value = '';
        mark(name, '');
      });
      attach('');
      say('', '');
      restart.hidden = true;
      fields.to.focus();
    });
  }

  function init() {
    each(document.querySelectorAll('.pc-ex--message'), setup);
  }

  ns.exerciceMessage = { init: init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
