/* Parents connectés: typing exercise on AZERTY. How it works: overrides/hooks/exercices.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.exerciceClavier) {
    ns.exerciceClavier.init();
    return;
  }

  // Letters: a key each; other strings: a key "normal Maj AltGr"; [name, width, symbol]
  var ROWS = [
    ['²', '&1', 'é2~', '"3#', "'4{", '(5[', '-6|', 'è7`', '_8\\', 'ç9^', 'à0@', ')°]', '=+}', ['Retour arrière', 2, '⟵']],
    [['Tab', 1.5, '↹'], 'azertyuiop', '^¨', '$£¤', ['Entrée', 1.5, '↵']],
    [['Verr. Maj', 1.75, '⇪'], 'qsdfghjklm', 'ù%', '*µ', ['', 1.25]],
    [['Maj', 1.25, '⇧'], '<>', 'wxcvbn', ',?', ';.', ':/', '!§', ['Maj', 2.75, '⇧']],
    [['Ctrl', 1.75], ['Alt', 1.75], ['espace', 8], ['AltGr', 1.75], ['Ctrl', 1.75]]
  ];
  // Dead keys and the accent they put on the next letter (ê = e + \u0302)
  var DEAD = { '^': '\u0302', '¨': '\u0308' };

  function make(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function drawKeyboard() {
    var board = make('div', 'pc-kbd');
    var keys = [];
    board.dir = 'ltr';
    board.setAttribute('role', 'img');
    ROWS.forEach(function (row) {
      var line = make('div', 'pc-kbd__rang');
      row.forEach(function (spec) {
        var list = typeof spec === 'string' && /^[a-z]{2,}$/.test(spec) ? spec.split('') : [spec];
        list.forEach(function (k) {
          var key = make('span', 'pc-kbd__t');
          var named = typeof k !== 'string';
          var entry = { el: key, name: named ? k[0] : k.charAt(0), chars: named ? '' : k };
          if (named) {
            key.style.flexGrow = k[1];
            key.className += ' pc-kbd__t--nom' + (k[0] ? '' : ' pc-kbd__t--vide');
            // A narrow keyboard shows the symbol only (CSS), as many real keyboards do
            if (k[2]) key.appendChild(make('span', 'pc-kbd__s', k[2]));
            key.appendChild(make('span', '', k[0]));
            if (k[0] === 'espace') entry.chars = ' ';
          } else if (/^[a-z]$/.test(k)) {
            entry.chars = k + k.toUpperCase();
            key.textContent = k.toUpperCase();
          } else {
            key.appendChild(make('span', '', k.charAt(1)));
            key.appendChild(make('span', '', k.charAt(0)));
            if (k.charAt(2)) key.appendChild(make('span', 'pc-kbd__g', k.charAt(2)));
          }
          keys.push(entry);
          line.appendChild(key);
        });
      });
      board.appendChild(line);
    });
    return { el: board, keys: keys };
  }

  function setup(root) {
    if (root.hasAttribute('data-pc-init')) return;
    root.setAttribute('data-pc-init', '');
    var s = {};
    try {
      s = JSON.parse(root.getAttribute('data-pc-strings'));
    } catch (e) { /* tasks stay readable */ }
    var texts = s.texts || [];
    Array.prototype.forEach.call(root.querySelectorAll('.pc-ex__sans-js, .pc-ex__etapes'), function (el) {
      el.hidden = true;
    });
    var id = (root.id || 'exercice-clavier') + '-champ';
    var board = drawKeyboard();

    function byName(name) {
      return board.keys.filter(function (k) { return k.name === name; });
    }

    // Presses typing c, each a list of keys held together: ê = [[^], [e]], @ = [[AltGr, à]]
    function pressesFor(c) {
      var parts = c.normalize('NFD');
      for (var dead in DEAD) {
        if (parts.charAt(1) === DEAD[dead]) return pressesFor(dead).concat(pressesFor(parts.charAt(0)));
      }
      // The simplest way first: the key alone, then with Maj, then with AltGr
      for (var level = 0; level < 3; level++) {
        for (var i = 0; i < board.keys.length; i++) {
          var key = board.keys[i];
          if (key.chars.charAt(level) !== c) continue;
          return level ? [[byName(level > 1 ? 'AltGr' : 'Maj')[0], key]] : [[key]];
        }
      }
      return null;
    }

    function combo(press) {
      var out = document.createDocumentFragment();
      press.forEach(function (key, i) {
        if (i) out.appendChild(document.createTextNode(' + '));
        out.appendChild(make('kbd', '', key.name));
      });
      return out;
    }

    // A string of i18n/<lang>.yml, {placeholders} replaced by nodes
    function sentence(text, values) {
      var p = make('p', '');
      (text || '').split(/\{(\w+)\}/).forEach(function (part, i) {
        p.appendChild(i % 2 ? values[part] || document.createTextNode('') : document.createTextNode(part));
      });
      return p;
    }

    var game = make('div', 'pc-ex__jeu');
    var progress = make('p', 'pc-ex__progres');
    var label = make('label', 'pc-ex__etiquette');
    var field = make('input', 'pc-ex__champ');
    var actions = make('p', 'pc-ex__actions');
    var stuck = make('button', 'pc-ex__bouton', s.stuck);
    var next = make('button', 'pc-ex__bouton pc-ex__bouton--suite', s.next);
    var restart = make('button', 'pc-ex__bouton', s.restart);
    var feedback = make('div', 'pc-ex__retour');
    var message = make('p', 'pc-ex__message');
    var help = make('div', 'pc-ex__aide');
    label.htmlFor = field.id = id;
    feedback.id = id + '-retour';
    var attrs = { type: 'text', dir: 'ltr', lang: 'fr', autocomplete: 'off', autocapitalize: 'off',
      autocorrect: 'off', spellcheck: 'false', 'aria-describedby': feedback.id };
    for (var a in attrs) field.setAttribute(a, attrs[a]);
    feedback.setAttribute('aria-live', 'polite');
    stuck.type = next.type = restart.type = 'button';
    [stuck, next, restart].forEach(function (b) { actions.appendChild(b); });
    feedback.appendChild(message);
    feedback.appendChild(help);
    [progress, label, field, actions, feedback].forEach(function (el) { game.appendChild(el); });
    root.appendChild(game);

    var st = { task: 0, state: '', kind: '', at: 0 };

    // An icon and words, never colour alone
    function say(kind, text) {
      message.className = 'pc-ex__message pc-ex__retour--' + kind;
      message.textContent = '';
      if (!text) return;
      var icon = make('span', 'pc-ex__icone', kind === 'aide' ? 'ℹ' : '✓');
      icon.setAttribute('aria-hidden', 'true');
      message.appendChild(icon);
      message.appendChild(document.createTextNode(' ' + text));
    }

    function showKeys(c) {
      help.textContent = '';
      Array.prototype.forEach.call(board.el.querySelectorAll('.pc-kbd__n'), function (n) {
        n.parentNode.classList.remove('is-on');
        n.remove();
      });
      var presses = c ? pressesFor(c) : null;
      help.hidden = !presses;
      if (!presses) return;
      var then = ' ' + (s.then || '→') + ' ';
      var formula = make('p', 'pc-ex__touches');
      var order = 0;
      presses.forEach(function (press, i) {
        if (i) formula.appendChild(document.createTextNode(then));
        formula.appendChild(combo(press));
        press.forEach(function (key) {
          order++;
          // Both Maj keys work: number them alike
          (key.name === 'Maj' ? byName('Maj') : [key]).forEach(function (k) {
            k.el.classList.add('is-on');
            k.el.appendChild(make('span', 'pc-kbd__n', String(order)));
          });
        });
      });
      var char = make('bdi', '', c === ' ' ? 'espace' : c);
      char.lang = 'fr';
      help.appendChild(sentence(s.next_char, { char: char }));
      help.appendChild(formula);
      var last = presses[presses.length - 1];
      var words = presses.length > 1 ? sentence(s.dead, { first: combo(presses[0]), key: combo(last) })
        : last.length > 1 ? sentence(s.hold, { mod: combo(last.slice(0, -1)), key: combo(last.slice(-1)) })
          : sentence(s.press, { key: combo(last) });
      help.appendChild(words);
      board.el.setAttribute('aria-label', (s.keyboard || '{keys}').replace('{keys}', formula.textContent));
      help.appendChild(board.el);
      help.appendChild(make('p', 'pc-ex__astuce', s.phone));
    }

    function clean() {
      return field.value.normalize('NFC');
    }

    function rightUpTo(value, text) {
      var i = 0;
      while (i < value.length && value.charAt(i) === text.charAt(i)) i++;
      return i;
    }

    // Speak only when something changes
    function check(event) {
      if (event && event.isComposing) return;
      var text = texts[st.task] || '';
      var value = clean();
      var i = rightUpTo(value, text);
      var wrong = value.charAt(i);
      // ^ or ¨ waiting for its vowel (shown by some systems): not a mistake
      var pending = i === value.length - 1 && DEAD[wrong] === text.charAt(i).normalize('NFD').charAt(1);
      var kind = value === text ? 'right'
        : i < value.length && !pending ? 'wrong'
          // Mistake erased, or help asked here: keep the keys
          : (st.kind === 'wrong' || st.kind === 'help') && st.at === i ? 'help' : '';
      var state = kind + i + (kind === 'wrong' ? wrong : '');
      next.hidden = kind !== 'right' || st.task >= texts.length - 1;
      stuck.hidden = kind === 'right';
      field.setAttribute('aria-invalid', String(kind === 'wrong'));
      if (state === st.state) return;
      st.state = state;
      st.kind = kind;
      st.at = i;
      if (kind === 'right') {
        var last = st.task >= texts.length - 1;
        var praise = s.encouragements || [''];
        showKeys('');
        say(last ? 'fin' : 'bravo', last ? s.done : praise[st.task % praise.length] + ' ' + s.right);
      } else if (kind === 'wrong') {
        var expected = text.charAt(i);
        var why = !expected ? s.wrong
          : expected === '@' && wrong === 'à' ? s.wrong_altgr
            : wrong.toLowerCase() === expected.toLowerCase()
              ? (expected === expected.toUpperCase() ? s.wrong_upper : s.wrong_lower)
              : base(wrong) === base(expected) ? s.wrong_accent : s.wrong;
        say('aide', why + ' ' + s.erase);
        showKeys(expected);
      } else {
        say('aide', '');
        showKeys(kind ? text.charAt(i) : '');
      }
    }

    function base(c) {
      return c.normalize('NFD').charAt(0);
    }

    function start(n, focus) {
      st.task = n;
      st.state = st.kind = '';
      var text = texts[n] || '';
      progress.textContent = String(s.step || '').replace('{n}', n + 1).replace('{total}', texts.length);
      label.textContent = s['task_' + (n + 1)] + ' ';
      var model = make('strong', 'pc-ex__modele', text);
      model.lang = 'fr';
      model.dir = 'ltr';
      model.setAttribute('translate', 'no');
      label.appendChild(model);
      field.value = '';
      // Phones show @ on the keyboard of an e-mail field
      field.setAttribute('inputmode', text.indexOf('@') >= 0 ? 'email' : 'text');
      check();
      if (focus) field.focus();
    }

    field.addEventListener('input', check);
    field.addEventListener('compositionend', check);
    field.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !next.hidden) {
        event.preventDefault();
        next.click();
      }
    });
    stuck.addEventListener('click', function () {
      var text = texts[st.task] || '';
      var i = rightUpTo(clean(), text);
      if (i >= text.length) return;
      st.kind = 'help';
      st.at = i;
      st.state = '';
      check();
      // Back to typing, after the last character
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    });
    next.addEventListener('click', function () { start(st.task + 1, true); });
    restart.addEventListener('click', function () { start(0, true); });
    start(0);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('.pc-ex--clavier'), setup);
  }

  ns.exerciceClavier = { init: init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
