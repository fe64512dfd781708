/* Parents connectés: family screen agreement. How it works: overrides/hooks/exercices.py, ex_ecrans.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.exerciceAccordEcrans) {
    ns.exerciceAccordEcrans.init();
    return;
  }
  var PRINTING = 'pc-accord-seul';

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  function el(tag, css, text) {
    var node = document.createElement(tag);
    if (css) node.className = css;
    if (text) node.textContent = text;
    return node;
  }

  /** The builder is in the page, hidden without JavaScript; nothing leaves this function. */
  function setup(root) {
    var game = root.querySelector('.pc-ex__jeu');
    if (root.hasAttribute('data-pc-init') || !game) return;
    root.setAttribute('data-pc-init', '');
    var s = {};
    try {
      s = JSON.parse(root.getAttribute('data-pc-strings') || '{}');
    } catch (e) { /* broken page: the rules stay readable */ }
    function $(name) {
      return game.querySelector('.' + name);
    }
    var ages = game.querySelectorAll('.pc-accord__age');
    var feedback = $('pc-ex__retour');
    var rules = $('pc-accord__regles');
    var sheet = $('pc-accord__feuille');
    var own = game.querySelector('input[type=text]');
    var age = null;
    each(root.querySelectorAll('.pc-ex__sans-js, .pc-ex__etapes'), function (node) { node.hidden = true; });
    game.hidden = false;

    /** The agreement: the ticked rules of each situation, the parent's own rule. */
    function draw() {
      var list = $('pc-accord__liste');
      list.textContent = '';
      var count = 0;
      each(game.querySelectorAll('.pc-accord__situation'), function (set) {
        var ticked = set.querySelectorAll('li:not([hidden]) input:checked');
        if (!ticked.length) return;
        list.appendChild(el('p', 'pc-accord__situation-titre', set.querySelector('legend').textContent));
        var ul = el('ul');
        each(ticked, function (box) {
          ul.appendChild(el('li', '', game.querySelector('label[for="' + box.id + '"]').textContent));
          count++;
        });
        list.appendChild(ul);
      });
      var mine = own.value.trim();
      if (mine) {
        list.appendChild(el('p', 'pc-accord__situation-titre', s.own_title));
        var ul = el('ul');
        ul.appendChild(el('li', '', mine));
        list.appendChild(ul);
        count++;
      }
      $('pc-accord__vide').hidden = count > 0;
    }

    function choose(button) {
      age = button.getAttribute('data-age');
      var label = button.textContent;
      each(ages, function (b) { b.setAttribute('aria-pressed', String(b === button)); });
      // Show the rules for this age, ticked where they are advised
      each(game.querySelectorAll('.pc-accord__situation'), function (set) {
        var shown = 0;
        each(set.querySelectorAll('li'), function (item) {
          var here = (' ' + item.getAttribute('data-ages') + ' ').indexOf(' ' + age + ' ') >= 0;
          item.hidden = !here;
          item.querySelector('input').checked = here &&
            (' ' + item.getAttribute('data-conseil') + ' ').indexOf(' ' + age + ' ') >= 0;
          if (here) shown++;
        });
        set.hidden = !shown;
      });
      rules.hidden = false;
      $('pc-accord__age-choisi').textContent = String(s.age_line || '').replace('{age}', label);
      feedback.textContent = String(s.suggested || '').replace('{age}', label);
      draw();
    }

    each(ages, function (b) {
      b.addEventListener('click', function () { choose(b); });
    });
    rules.addEventListener('change', draw);
    own.addEventListener('input', draw);

    // Print a copy of the agreement alone (a direct child of <body>), in the page's language
    function tidy() {
      document.documentElement.classList.remove(PRINTING);
      each(document.querySelectorAll('body > .pc-accord-impression'), function (copy) {
        copy.parentNode.removeChild(copy);
      });
    }
    $('pc-accord__imprimer').addEventListener('click', function () {
      tidy();
      var copy = sheet.cloneNode(true);
      copy.className = 'pc-accord__feuille pc-accord-impression';
      copy.removeAttribute('role');
      copy.removeAttribute('aria-labelledby');
      copy.setAttribute('dir', root.getAttribute('dir') || 'ltr');
      each(copy.querySelectorAll('[id]'), function (node) { node.removeAttribute('id'); });
      document.body.appendChild(copy);
      document.documentElement.classList.add(PRINTING);
      window.print();
    });
    window.addEventListener('afterprint', tidy);
  }

  function init() {
    each(document.querySelectorAll('.pc-ex--accord-ecrans'), setup);
  }

  ns.exerciceAccordEcrans = { init: init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
