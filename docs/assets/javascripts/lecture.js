/* Parents connectés: glossary words and « Écouter » (issue 12). How it works, and why:
   overrides/hooks/lecture.py (docstring), to keep this file small. */
(function () {
  'use strict';

  var ns = (window.ParentsConnectes = window.ParentsConnectes || {});
  if (ns.lecture) return;
  ns.lecture = {};

  var d = document;
  var T = {};
  try {
    T = JSON.parse(d.querySelector('script[data-pc-lecture]').getAttribute('data-pc-lecture'));
  } catch (e) { /* the hook always writes them */ }
  var synth = window.speechSynthesis;
  var Utterance = window.SpeechSynthesisUtterance;
  var page = base(d.documentElement.lang);
  var current = null; // {els, box, parts, i, paused}
  var run = 0; // events of an older reading are ignored
  var ready = false;
  var WORDS = /[0-9A-Za-z\u00C0-\u02AF\u0370-\u052F\u0590-\u08FF]/;
  var SKIP = '.pc-ecoute,.pc-def,.pc-def__lien,details,img,svg,[aria-hidden="true"]';

  function make(tag, className, text) {
    var el = d.createElement(tag);
    el.className = className || '';
    el.textContent = text || '';
    return el;
  }

  function base(lang) {
    return String(lang || '').toLowerCase().split(/[-_]/)[0];
  }

  function langOf(el) {
    return base(el.closest('[lang]').lang);
  }

  /** An installed voice for lang (never a network one: it would send the text away). */
  function voice(lang) {
    var found = null;
    synth.getVoices().forEach(function (v) {
      if (v.localService && base(v.lang) === lang && (!found || v['default'])) found = v;
    });
    return found;
  }

  // --- Glossary: the link becomes a disclosure button ---------------------------

  [].forEach.call(d.querySelectorAll('a.pc-terme'), function (link, n) {
    var button = make('button', 'pc-terme', link.textContent);
    var box = make('span', 'pc-def');
    var more = make('a', 'pc-def__lien', T.glossary_link);
    var after = button;
    box.id = 'pc-def-' + n;
    box.hidden = true;
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', box.id);
    more.href = link.getAttribute('href');
    box.appendChild(make('strong', '', link.getAttribute('data-pc-t') || link.textContent));
    box.appendChild(d.createTextNode(' — ' + link.getAttribute('data-pc-def') + ' '));
    box.appendChild(more);
    if (langOf(link) !== page) { // a page shown in French: the definition is in the reader's language
      box.lang = d.documentElement.lang;
      box.dir = d.body.dir;
    }
    link.parentNode.replaceChild(button, link);
    // Below the sentence: at the end of its line of text, before a picture or a sub-list
    while (!/^(P|LI|DT|DD|TD|TH|DIV|BLOCKQUOTE)$/.test(after.parentNode.tagName)) after = after.parentNode;
    while (after.nextSibling && !/^(P|OL|UL|DL|DIV|TABLE|PRE|FIGURE|DETAILS)$/.test(after.nextSibling.tagName)) {
      after = after.nextSibling;
    }
    after.parentNode.insertBefore(box, after.nextSibling);
    button.addEventListener('click', function () {
      toggle(button, box.hidden);
    });
  });

  function toggle(button, open) {
    var box = d.getElementById(button.getAttribute('aria-controls'));
    box.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (!open && current && current.els[0] === box) stop();
  }

  // --- Reading aloud ------------------------------------------------------------

  /** The text of els: one part per sentence and per language (lang="fr" inside Arabic). */
  function parts(els) {
    var runs = [];
    var out = [];
    function walk(node) {
      for (var c = node.firstChild; c; c = c.nextSibling) {
        var last = runs[runs.length - 1];
        if (c.nodeType === 3) {
          if (last && last.lang === langOf(node)) last.text += c.nodeValue;
          else runs.push({ text: c.nodeValue, lang: langOf(node) });
        } else if (c.nodeType === 1 && !c.matches(SKIP)) {
          walk(c);
        }
      }
      if (/^(P|LI|DT|DD|DIV)$/.test(node.tagName) && runs.length) runs[runs.length - 1].text += '\n';
    }
    els.forEach(walk);
    runs.forEach(function (r) {
      r.text.replace(/([.!?؟…])\s+/g, '$1\n').split('\n').forEach(function (text) {
        if (WORDS.test(text)) out.push({ text: text.replace(/\s+/g, ' ').trim(), lang: r.lang });
      });
    });
    return out;
  }

  function speak() {
    var reading = current;
    var part = reading.parts[reading.i];
    var id = run;
    if (!part) return stop();
    var u = new Utterance(part.text);
    u.voice = part.voice;
    u.lang = part.voice.lang;
    u.rate = 0.9;
    u.onend = u.onerror = function () {
      if (id !== run) return;
      reading.i++;
      speak();
    };
    synth.speak(u);
  }

  /** « Écouter » reads els; while reading, the same button pauses and resumes. */
  function play(els, box) {
    run++;
    synth.cancel();
    if (current && current.box === box) {
      current.paused = !current.paused;
    } else {
      stop();
      var main = voice(langOf(els[0]));
      current = { els: els, box: box, i: 0, paused: false, parts: parts(els) };
      current.parts.forEach(function (p) {
        p.voice = voice(p.lang) || main;
      });
      els.forEach(function (el) {
        el.classList.add('pc-lu');
      });
    }
    show(current);
    if (!current.paused) speak(); // resuming restarts the sentence: pause() does nothing on Android
  }

  function stop() {
    var reading = current;
    current = null;
    run++;
    synth.cancel();
    if (!reading) return;
    reading.els.forEach(function (el) {
      el.classList.remove('pc-lu');
    });
    show(reading, true);
  }

  function show(reading, done) {
    var go = reading.box.firstChild;
    var halt = reading.box.lastChild;
    go.lastChild.nodeValue = done ? T.listen : reading.paused ? T.resume : T.pause;
    if (done && d.activeElement === halt) go.focus();
    halt.hidden = !!done;
  }

  /** « Écouter » and « Arrêter » for els, in parent before node, if a voice can read them. */
  function controls(els, parent, node) {
    if (!voice(langOf(els[0]))) return;
    var box = make('span', 'pc-ecoute');
    var go = make('button');
    var halt = make('button', '', T.stop);
    go.innerHTML = '<span aria-hidden="true">🔊 </span> ';
    go.lastChild.nodeValue = T.listen;
    go.type = halt.type = 'button';
    halt.hidden = true;
    box.appendChild(go);
    box.appendChild(halt);
    if (langOf(parent) !== page) box.lang = d.documentElement.lang;
    go.addEventListener('click', function () {
      play(els, box);
    });
    halt.addEventListener('click', stop);
    parent.insertBefore(box, node || null);
  }

  /** The elements under <h2 id>, up to the next <h2> or the trainer notes. */
  function section(id) {
    var out = [];
    var el = d.getElementById(id);
    while (el && (el = el.nextElementSibling) && el.tagName !== 'H2' && !el.matches('details.formateur')) out.push(el);
    return out;
  }

  function setup() {
    if (ready || !synth.getVoices().length) return;
    ready = true;
    section('etapes').forEach(function (list) {
      if (list.tagName !== 'OL') return;
      [].forEach.call(list.children, function (step) {
        // After the step's first sentences, before its picture or sub-list
        for (var c = step.firstElementChild; c; c = c.nextElementSibling) {
          if (c.tagName === 'P' && c.textContent.trim()) return controls([step], c);
          if (/^(P|OL|UL|DIV)$/.test(c.tagName)) break;
        }
        controls([step], step, c);
      });
    });
    var keep = section('a-retenir');
    if (keep.length) {
      var block = make('div', 'pc-retenir');
      keep[0].parentNode.insertBefore(block, keep[0]);
      keep.forEach(block.appendChild, block);
      controls([block], block, block.firstChild);
    }
    [].forEach.call(d.querySelectorAll('.pc-def'), function (box) {
      controls([box], box);
    });
    [].forEach.call(d.querySelectorAll('[data-pc-ecouter]'), function (dd) {
      controls([dd.previousElementSibling, dd], dd);
    });
  }

  d.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var box = e.target.closest('.pc-def');
    var button = box ? d.querySelector('[aria-controls="' + box.id + '"]') : e.target.closest('.pc-terme');
    if (button && button.getAttribute('aria-expanded') === 'true') {
      toggle(button, false);
      button.focus();
    } else if (current) {
      stop();
    }
  });
  if (synth && Utterance) {
    setup();
    if (synth.addEventListener) synth.addEventListener('voiceschanged', setup);
    else synth.onvoiceschanged = setup; // older Safari
    window.addEventListener('pagehide', stop);
  }
})();
