/* Parents connectés: projection mode, loaded on demand by the inline script of lesson and quiz
 * pages (the « Mode projection » button or Alt + P). One screen at a time, in place; trainer
 * notes never shown. Strings: projection.<lang>.js. How it works: overrides/hooks/projection.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.projection) return;
  var d = document;
  var html = d.documentElement;
  var s = ns.projectionStrings || {};
  var article = d.querySelector('article.md-content__inner');
  if (!article) return;
  // A page shown in French in another language wraps its content in <div lang="fr">
  var root = article.querySelector(':scope > div[lang]') || article;
  var SKIP = 'script,style,.pc-langs,.pc-taille,.pc-proj-ouvrir,.pc-fini,.formateur,.pc-fallback,.pc-barre';
  var KEEP_KEYS = /^[fsnp\/,.]$/i; // Material's shortcuts (search, previous/next page)
  var screens = [];
  var at = 0;
  var on = false;
  var full = false;
  var marked = [];
  var bar, counter, prev, next;

  function rtl() {
    return getComputedStyle(d.body).direction === 'rtl';
  }

  function format(text, values) {
    return String(text || '').replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  function make(tag, className, text) {
    var el = d.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function isImage(el) {
    return (el.tagName === 'P' || el.tagName === 'FIGURE') && !!el.querySelector('img') && !el.textContent.trim();
  }

  /** Cut the page into screens: {show: [elements], part, box, illu}. */
  function build() {
    var list = [].filter.call(root.children, function (el) { return !el.matches(SKIP); });
    var sections = [];
    var current = { h: null, els: [] };
    list.forEach(function (el) {
      if (el.tagName === 'H2') {
        sections.push(current);
        current = { h: el, els: [] };
      } else current.els.push(el);
    });
    sections.push(current);
    var out = [];
    sections.forEach(function (sec, i) {
      var id = sec.h ? sec.h.id : '';
      if (id === 'sources') return;
      if (id === 'etapes') return steps(sec, out);
      var head = sec.h ? [sec.h] : [];
      // The title screen takes « Vous allez apprendre » with it
      if (id === 'objectifs' && i === 1 && out.length === 1 && !out[0].part) {
        out[0].show = out[0].show.concat(head, sec.els);
        return;
      }
      var quiz = sec.els.filter(function (el) { return el.matches('form.pc-quiz'); })[0];
      if (!quiz) return add(out, head.concat(sec.els));
      var cut = sec.els.indexOf(quiz);
      add(out, head.concat(sec.els.slice(0, cut)));
      [].forEach.call(quiz.children, function (part) {
        if (part.matches('fieldset, .pc-quiz__footer')) out.push({ show: [quiz], part: part, box: quiz });
      });
      add(out, sec.els.slice(cut + 1));
    });
    return out;
  }

  /** A screen of text; its one illustration (if any) goes large beside it. */
  function add(out, els) {
    var text = els.filter(function (el) { return !isImage(el); });
    // Only a sub-title, or only pictures (they go with the steps): no screen of their own
    if (!text.some(function (el) { return !/^H[2-6]$/.test(el.tagName); })) return;
    var images = els.filter(isImage);
    var illu = images.length === 1 ? images : [];
    out.push({ show: images.length === 1 ? text : els, illu: illu });
  }

  /** « Étape par étape »: each sub-title's text, each numbered step, each note after the steps. */
  function steps(sec, out) {
    var group = { h: sec.h, images: [], pending: [] };
    function flush() {
      add(out, [group.h].concat(group.pending));
      group.pending = [];
      tag();
    }
    // « Étape par étape » stays for screen readers above a sub-title (heading order)
    function tag() {
      out.forEach(function (screen) {
        if (!screen.sr && group.h !== sec.h && screen.show[0] === group.h) screen.sr = sec.h;
      });
    }
    sec.els.forEach(function (el) {
      if (el.tagName === 'H3') {
        flush();
        group = { h: el, images: [], pending: [] };
      } else if (el.tagName === 'OL') {
        flush();
        var illu = group.images.slice(-1);
        [].forEach.call(el.children, function (li, n) {
          li.setAttribute('data-pc-n', n + 1);
          out.push({ show: [group.h, el], part: li, box: el, illu: illu, step: true });
        });
        tag();
      } else {
        if (isImage(el)) group.images.push(el);
        group.pending.push(el);
      }
    });
    flush();
  }

  function mark(el, className) {
    el.classList.add(className);
    marked.push([el, className]);
  }

  function unmark() {
    marked.forEach(function (m) { m[0].classList.remove(m[1]); });
    marked = [];
  }

  function show(n) {
    at = Math.max(0, Math.min(screens.length - 1, n));
    var screen = screens[at];
    unmark();
    if (root !== article) mark(root, 'pc-vu');
    screen.show.forEach(function (el) { mark(el, 'pc-vu'); });
    (screen.illu || []).forEach(function (el) {
      mark(el, 'pc-vu');
      mark(el, 'pc-illu');
    });
    if (screen.sr) {
      mark(screen.sr, 'pc-vu');
      mark(screen.sr, 'pc-sr');
    }
    if (screen.part) {
      mark(screen.box, 'pc-un');
      mark(screen.part, 'pc-li');
    }
    if (screen.step) mark(screen.box, 'pc-etapes');
    html.classList.toggle('pc-proj--illu', !!(screen.illu && screen.illu.length));
    var values = { n: at + 1, total: screens.length };
    counter.firstChild.textContent = format(s.counter, values);
    counter.lastChild.textContent = format(s.counter_label, values);
    prev.disabled = at === 0;
    next.disabled = at === screens.length - 1;
    window.scrollTo(0, 0);
    // The focus must not stay on something now hidden
    var active = d.activeElement;
    if (active && active !== d.body && !active.getClientRects().length) article.focus({ preventScroll: true });
  }

  function button(label, action) {
    var b = make('button', '', label);
    b.type = 'button';
    b.addEventListener('click', action);
    return b;
  }

  function makeBar() {
    var back = rtl() ? '→ ' : '← ';
    var forth = rtl() ? ' ←' : ' →';
    bar = make('div', 'pc-barre');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', s.label || '');
    bar.hidden = true;
    var title = d.querySelector('h1');
    bar.appendChild(make('p', 'pc-barre__titre', title ? title.textContent.replace(/¶$/, '') : ''));
    bar.appendChild(make('p', 'pc-barre__aide', s.help));
    prev = button(back + s.prev, function () { show(at - 1); });
    next = button(s.next + forth, function () { show(at + 1); });
    counter = make('p', 'pc-barre__compteur');
    counter.setAttribute('aria-live', 'polite');
    var visible = make('span');
    visible.setAttribute('aria-hidden', 'true');
    counter.appendChild(visible);
    counter.appendChild(make('span', 'pc-vh'));
    bar.appendChild(prev);
    bar.appendChild(counter);
    bar.appendChild(next);
    bar.appendChild(button('✕ ' + s.leave, leave));
    (article.parentNode || d.body).appendChild(bar);
  }

  /** The screen holding what is at the top of the window (the shortcut used mid-page). */
  function screenInView() {
    for (var i = 0; i < screens.length; i++) {
      var el = screens[i].part || screens[i].show[screens[i].show.length - 1];
      if (el && el.getBoundingClientRect().bottom > 80) return i;
    }
    return 0;
  }

  function enter() {
    if (!screens.length) screens = build();
    if (!screens.length) return;
    if (!bar) makeBar();
    var start = window.scrollY > 80 ? screenInView() : 0;
    on = true;
    root.classList.add('pc-racine');
    article.classList.add('pc-racine');
    html.classList.add('pc-proj');
    bar.hidden = false;
    show(start);
    // Focus on the screen itself: Space and the arrows then change screens
    article.setAttribute('tabindex', '-1');
    article.focus({ preventScroll: true });
    try {
      if (d.fullscreenEnabled && !d.fullscreenElement) {
        html.requestFullscreen().then(function () { full = true; })['catch'](function () {});
      }
    } catch (e) { /* no full screen: the page alone is enough */ }
  }

  function leave() {
    if (!on) return;
    on = false;
    var screen = screens[at];
    var here = screen.part || screen.show[0];
    unmark();
    article.removeAttribute('tabindex');
    root.classList.remove('pc-racine');
    article.classList.remove('pc-racine');
    html.classList.remove('pc-proj', 'pc-proj--illu');
    bar.hidden = true;
    if (full && d.fullscreenElement) d.exitFullscreen()['catch'](function () {});
    full = false;
    if (here) here.scrollIntoView({ block: 'start' });
    var opener = d.getElementById('pc-proj');
    if (opener) opener.focus({ preventScroll: true });
  }

  d.addEventListener('fullscreenchange', function () {
    if (on && full && !d.fullscreenElement) {
      full = false;
      leave();
    }
  });

  d.addEventListener('keydown', function (e) {
    if (!on || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    var field = /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) || t.isContentEditable;
    var k = e.key;
    var go = null;
    if (k === 'Escape') {
      leave();
      go = at;
    } else if (k === 'PageDown' && t.tagName !== 'TEXTAREA') go = at + 1;
    else if (k === 'PageUp' && t.tagName !== 'TEXTAREA') go = at - 1;
    else if (!field) {
      if (k === 'ArrowRight') go = at + (rtl() ? -1 : 1);
      else if (k === 'ArrowLeft') go = at + (rtl() ? 1 : -1);
      else if (k === 'Home') go = 0;
      else if (k === 'End') go = screens.length - 1;
      else if (k === ' ' && !/^(BUTTON|A|SUMMARY)$/.test(t.tagName)) go = at + (e.shiftKey ? -1 : 1);
      else if (KEEP_KEYS.test(k)) e.stopPropagation();
    }
    if (go === null) return;
    e.preventDefault();
    e.stopPropagation();
    if (on) show(go);
  });

  ns.projection = {
    toggle: function () {
      if (on) leave();
      else enter();
    },
    /** For tests and trainers' tools: the number of screens and the current one (1-based). */
    state: function () {
      return { on: on, screen: at + 1, total: screens.length };
    }
  };
  ns.projection.toggle();
})();
