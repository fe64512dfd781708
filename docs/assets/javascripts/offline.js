/* Parents connectés: « Garder le cours sur ce téléphone » and the new-version message.
 * The service worker (sw.js) does the work; this file shows the size, the progress and the
 * result. overrides/hooks/offline.py renders the box (hidden without this script) and loads
 * this file on the home and module pages, or on any page once a new version waits.
 * Strings: strings.<lang>.js (ParentsConnectes.strings.offline). */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  var sw = navigator.serviceWorker;
  if (ns.offline || !sw || !/^https?:$/.test(location.protocol)) return;
  ns.offline = {};
  var s = (ns.strings || {}).offline || {};
  var lang = document.documentElement.lang;

  function make(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  /** 1234567 → « 1,2 Mo » in the page's language. */
  function size(bytes) {
    var mb = bytes >= 1e6;
    var n = new Intl.NumberFormat(lang, { maximumFractionDigits: mb ? 1 : 0 })
      .format(mb ? bytes / 1e6 : Math.max(1, bytes / 1e3));
    return (mb ? s.mb : s.kb).replace('{n}', n);
  }

  /** The box of the home and module pages (rendered hidden by the hook). */
  function setup(box) {
    var action = box.querySelector('[data-pc-action]');
    var button = action.querySelector('button');
    var info = box.querySelector('[data-pc-size]');
    var bar = box.querySelector('progress');
    var status = box.querySelector('[role=status]');
    function ask(save) {
      sw.controller.postMessage({ lang: lang, save: save });
    }
    sw.addEventListener('message', function (event) {
      var m = event.data || {};
      if (m.lang !== lang) return;
      if ('left' in m) {
        action.hidden = !m.left;
        info.textContent = m.left ? s.size.replace('{size}', size(m.left)) : s.saved;
        box.hidden = false;
      } else if (m.total) {
        bar.value = m.done / m.total;
      } else {
        bar.hidden = true;
        button.disabled = false;
        status.textContent = m.ok ? s.done : s.error;
        if (m.ok) {
          action.hidden = true;
          info.textContent = '';
        } else {
          button.textContent = s.resume;
        }
      }
    });
    button.addEventListener('click', function () {
      button.disabled = true;
      bar.value = 0;
      bar.hidden = false;
      status.textContent = s.downloading;
      ask(true);
    });
    ask(false);
  }

  /** A new build is installed and waits: say so, reload when the reader agrees. */
  function update(reg) {
    function show() {
      if (!reg.waiting || !sw.controller || document.querySelector('[data-pc-update]')) return;
      var h1 = document.querySelector('.md-content__inner h1');
      var box = make('div', 'admonition info');
      var p = make('p', '', s.update + ' ');
      var button = make('button', 'md-button md-button--primary', s.reload);
      box.setAttribute('role', 'status');
      box.setAttribute('data-pc-update', '');
      button.type = 'button';
      button.style.minHeight = '44px';
      button.addEventListener('click', function () {
        // The small script of every page reloads each open page when the new worker takes over
        if (reg.waiting) reg.waiting.postMessage('skipWaiting');
      });
      p.appendChild(button);
      box.appendChild(make('p', 'admonition-title', s.update_title));
      box.appendChild(p);
      if (h1) h1.parentNode.insertBefore(box, h1);
    }
    show();
    reg.addEventListener('updatefound', function () {
      var next = reg.installing;
      if (next) next.addEventListener('statechange', show);
    });
  }

  sw.ready.then(function (reg) {
    update(reg);
    var boxes = document.querySelectorAll('[data-pc-offline]');
    function start() {
      Array.prototype.forEach.call(boxes, setup);
    }
    if (!boxes.length) return;
    if (sw.controller) return start();
    // First visit: the worker takes this page over as soon as it is ready
    sw.addEventListener('controllerchange', function once() {
      sw.removeEventListener('controllerchange', once);
      start();
    });
  });
  if (sw.startMessages) sw.startMessages();
})();
