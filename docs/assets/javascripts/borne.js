/* Parents connectés: kiosk mode (la borne), loaded by the small script of every page only
 * where ?borne=1 was opened once (remembered; ?borne=0 ends it; ?delai=N: minutes without
 * activity, 10 by default). « Terminer ma session » erases this browser's course data, then
 * opens the checklist; after N idle minutes a one-minute countdown, then the same reset and
 * the home page. Strings and pages: strings.<lang>.js. How it works: overrides/hooks/offline.py */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.borne) return;
  var KEY = 'parents-connectes:borne';
  var WARN = 60000;
  var on = /[?&]borne=([01])/.exec(location.search);
  var delay = /[?&]delai=(\d+)/.exec(location.search);
  var minutes = on && on[1] === '1' ? 10 : 0;
  try {
    if (on && on[1] === '0') return localStorage.removeItem(KEY);
    minutes = +localStorage.getItem(KEY) || minutes;
    if (delay && minutes) minutes = Math.min(120, Math.max(1, +delay[1]));
    if (minutes) localStorage.setItem(KEY, minutes);
  } catch (e) { /* storage blocked: kiosk mode for this page only */ }
  if (!minutes) return;

  var pages = ns.strings || {};
  var s = pages.borne || {};
  var root = new URL('../../', document.currentScript.src).href;
  var last = Date.now();
  var countdown = null;
  var count = 0;

  function make(tag, className, text) {
    var el = document.createElement(tag);
    el.className = className || '';
    el.textContent = text || '';
    return el;
  }

  /** Erase the course data of this browser, except the kiosk setting itself. */
  function wipe() {
    var jobs = [];
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        if (localStorage.key(i) !== KEY) localStorage.removeItem(localStorage.key(i));
      }
      sessionStorage.clear();
    } catch (e) { /* blocked */ }
    try {
      // The course's own files (parents-connectes-…) stay: nothing personal in them
      jobs.push(caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) {
          return !name.indexOf('parents-connectes-') || caches['delete'](name);
        }));
      }));
    } catch (e) { /* none here */ }
    try {
      jobs.push(indexedDB.databases().then(function (dbs) {
        return Promise.all(dbs.map(function (db) {
          return new Promise(function (done) {
            var req = indexedDB.deleteDatabase(db.name);
            req.onsuccess = req.onerror = req.onblocked = done;
          });
        }));
      }));
    } catch (e) { /* none here */ }
    return Promise.all(jobs.map(function (job) {
      return job['catch'](function () {});
    }));
  }

  function end(page) {
    return wipe().then(function () {
      location.replace(root + page);
    });
  }

  /** A modal dialog: title, text and buttons [label, action, main?]. Escape closes it. */
  function dialog(title, text, buttons) {
    var box = make('dialog', 'pc-borne__dialog');
    var h = make('h2', '', title);
    var p = make('p', '', text);
    var row = make('p', 'pc-borne__buttons');
    h.id = 'pc-borne-' + ++count;
    p.id = h.id + 'd';
    box.setAttribute('aria-labelledby', h.id);
    box.setAttribute('aria-describedby', p.id);
    buttons.forEach(function (b) {
      var button = row.appendChild(make('button', b[2] ? 'pc-borne__main' : '', b[0]));
      button.type = 'button';
      button.onclick = b[1];
    });
    box.append(h, p, row);
    box.onclose = function () {
      box.remove();
      if (box === countdown) {
        countdown = null;
        last = Date.now();
      }
    };
    document.body.appendChild(box).showModal();
    return box;
  }

  function close(box) {
    if (box && box.open) box.close();
  }

  /** Someone is there: the idle time starts again, a countdown stops (inside it, only
   * « Je continue » or Escape answer: a press there must not fall through to the page). */
  function active(event) {
    if (countdown && countdown.contains(event.target)) return;
    last = Date.now();
    close(countdown);
  }

  function tick() {
    var idle = Date.now() - last - minutes * 60000;
    if (idle >= WARN) {
      clearInterval(timer);
      end(pages.home);
    } else if (idle >= 0) {
      if (!countdown) {
        countdown = dialog(s.idle_title, s.idle_text, [[s.idle_continue, function () { close(countdown); }, true]]);
        countdown.insertBefore(make('p', 'pc-borne__count'), countdown.lastChild).setAttribute('aria-hidden', 'true');
      }
      countdown.querySelector('.pc-borne__count').textContent = Math.ceil((WARN - idle) / 1000);
    }
  }

  function show() {
    var bar = make('div', 'pc-borne');
    var button = make('button', '', s.end);
    var css = document.head.appendChild(make('link'));
    css.rel = 'stylesheet';
    css.href = root + 'assets/stylesheets/borne.css';
    document.documentElement.classList.add('pc-borne-on');
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', s.label);
    button.type = 'button';
    button.onclick = function () {
      var box = dialog(s.confirm_title, s.confirm_text, [
        [s.confirm_yes, function () { end(pages.checklist); }, true],
        [s.cancel, function () { close(box); }]
      ]);
    };
    bar.append(make('p', '', s.note), button);
    document.body.appendChild(bar);
  }

  ['pointerdown', 'keydown', 'wheel', 'touchstart'].forEach(function (type) {
    addEventListener(type, active, { capture: true, passive: true });
  });
  var timer = setInterval(tick, 1000);
  if (document.body) show();
  else addEventListener('DOMContentLoaded', show);
  ns.borne = { end: end, wipe: wipe };
})();
