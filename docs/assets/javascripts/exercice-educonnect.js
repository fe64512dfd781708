/* Parents connectés: ÉduConnect rehearsal. How it works: overrides/hooks/ex_ecole.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.exerciceEduconnect) {
    ns.exerciceEduconnect.init();
    return;
  }

  var SCREENS = ['profil', 'connexion', 'compte', 'code', 'enfants', 'fin'];

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  function format(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
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

  /** « Bénali » = « benali »: accents, case and spaces do not matter. */
  function plain(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  }

  /** 14/03/2013, 14 03 2013, 14-3-2013 or 14032013 → 14/03/2013 ('' when it is not a date). */
  function day(text) {
    var m = text.trim().match(/^(\d{1,2})\D{0,2}(\d{1,2})\D{0,2}(\d{4})$/);
    return m ? ('0' + m[1]).slice(-2) + '/' + ('0' + m[2]).slice(-2) + '/' + m[3] : '';
  }

  function two(n) {
    return ('0' + n).slice(-2);
  }

  /** The screens are in the page, hidden without JavaScript; nothing leaves this function. */
  function setup(root) {
    var game = root.querySelector('.pc-ex__jeu');
    if (root.hasAttribute('data-pc-init') || !game) return;
    root.setAttribute('data-pc-init', '');
    var s = {};
    try {
      s = JSON.parse(root.getAttribute('data-pc-strings') || '{}');
    } catch (e) { /* broken page: the steps stay readable */ }
    var service = s.service || {};
    function $(name) {
      return game.querySelector('.' + name);
    }
    var progress = $('pc-ex__progres');
    var alert = $('pc-ec__alerte');
    var feedback = $('pc-ex__retour');
    var phone = $('pc-ec__sms');
    var first = phone.innerHTML;
    var restart = $('pc-ec__recommencer');
    var fields = {};
    each(game.querySelectorAll('[data-champ]'), function (f) { fields[f.getAttribute('data-champ')] = f; });
    var st = { n: 0, code: '', old: [] };
    each(root.querySelectorAll('.pc-ex__sans-js, .pc-ex__etapes'), function (el) { el.hidden = true; });
    game.hidden = false;

    function say(kind, text) {
      feedback.className = 'pc-ex__retour' + (kind ? ' pc-ex__retour--' + kind : '');
      put(feedback, kind === 'aide' ? 'ℹ' : '✓', text);
    }

    function clear() {
      alert.hidden = true;
      alert.textContent = '';
      each(game.querySelectorAll('[aria-invalid]'), function (f) { f.removeAttribute('aria-invalid'); });
    }

    /** The drawn service's message (French) in the screen, what to do under it. */
    function wrong(key, names, fix) {
      clear();
      alert.hidden = false;
      put(alert, '⚠', service[key]);
      names.forEach(function (name) { fields[name].setAttribute('aria-invalid', 'true'); });
      say('aide', fix || s[key]);
      fields[names[0]].focus();
    }

    function show(n, focus) {
      st.n = n;
      clear();
      each(game.querySelectorAll('[data-ecran]'), function (el) {
        el.hidden = el.getAttribute('data-ecran') !== SCREENS[n];
      });
      progress.textContent = format(s.step, { n: n + 1, total: SCREENS.length });
      restart.hidden = n < SCREENS.length - 1;
      if (focus) game.querySelector('.pc-ec__page:not([hidden]) .pc-ec__titre').focus();
    }

    function next(extra) {
      var last = st.n === SCREENS.length - 2;
      var words = s.encouragements || [''];
      say(last ? 'fin' : 'bravo', last ? s.done : words[st.n % words.length] + (extra ? ' ' + extra : ''));
      show(st.n + 1, true);
    }

    // A new SMS on the drawn phone: a new code; the codes before it no longer work
    function send() {
      var code;
      if (st.code) st.old.push(st.code);
      do {
        code = String(100000 + Math.floor(Math.random() * 900000));
      } while (code === s.old || st.old.indexOf(code) >= 0);
      st.code = code;
      each(phone.querySelectorAll('.pc-ec__sms-neuf'), function (li) { li.className = 'pc-ec__sms-vieux'; });
      var now = new Date();
      var li = document.createElement('li');
      var when = document.createElement('span');
      var strong = document.createElement('strong');
      var parts = String(s.sms).split('{code}');
      li.className = 'pc-ec__sms-neuf';
      when.className = 'pc-ec__quand';
      when.textContent = "Aujourd'hui, " + two(now.getHours()) + ':' + two(now.getMinutes());
      strong.className = 'pc-ec__code';
      strong.textContent = code;
      li.appendChild(when);
      li.appendChild(document.createTextNode(' ' + parts[0]));
      li.appendChild(strong);
      li.appendChild(document.createTextNode(parts[1] || ''));
      phone.appendChild(li);
    }

    var checks = {
      eleve: function () { say('aide', s.student); },
      responsable: next,
      franceconnect: function () { say('aide', s.franceconnect); },
      connexion: function () { say('aide', s.login); },
      'sans-compte': next,
      sms: function () {
        var names = ['nom', 'prenom'].filter(function (name, i) {
          return plain(fields[name].value) !== plain([s.last, s.first][i]);
        });
        var tel = fields.tel.value.replace(/[\s.\-/]/g, '').replace(/^(\+|00)33/, '0');
        if (names.length) return wrong('name', names, format(s.name, { last: s.last, first: s.first }));
        if (!/^0[67]\d{8}$/.test(tel)) return wrong('phone_format', ['tel']);
        if (tel !== s.phone) return wrong('phone_other', ['tel']);
        send();
        next(s.sms_new);
      },
      code: function () {
        var code = fields.code.value.replace(/\s/g, '');
        if (!/^\d{6}$/.test(code)) return wrong('code_format', ['code']);
        if (code === st.code) return next();
        wrong(code === s.old || st.old.indexOf(code) >= 0 ? 'code_old' : 'code_wrong', ['code']);
      },
      renvoyer: function () {
        send();
        clear();
        fields.code.value = '';
        say('info', s.resent);
        fields.code.focus();
      },
      dates: function () {
        var bad = (s.dates || []).map(function (date, i) {
          var value = day(fields['date-' + (i + 1)].value);
          return value === date ? '' : value ? 'date_wrong' : 'date_format';
        });
        var names = [];
        bad.forEach(function (kind, i) { if (kind) names.push('date-' + (i + 1)); });
        if (names.length) return wrong(bad.filter(Boolean)[0], names);
        next();
      }
    };

    each(game.querySelectorAll('[data-choix]'), function (b) {
      b.addEventListener('click', function () { checks[b.getAttribute('data-choix')](); });
    });
    // Enter in a field presses the screen's main button (there is no form to submit)
    Object.keys(fields).forEach(function (name) {
      fields[name].addEventListener('keydown', function (event) {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        game.querySelector('.pc-ec__page:not([hidden]) .pc-ec__action').click();
      });
    });
    restart.addEventListener('click', function () {
      Object.keys(fields).forEach(function (name) { fields[name].value = ''; });
      phone.innerHTML = first;
      st.code = '';
      st.old = [];
      say('', '');
      show(0, true);
    });
    show(0);
  }

  function init() {
    each(document.querySelectorAll('.pc-ex--educonnect'), setup);
  }

  ns.exerciceEduconnect = { init: init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
