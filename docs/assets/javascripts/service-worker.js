/* Parents connectés: the service worker. The site's sw.js (written by overrides/hooks/offline.py)
 * is two lines: `var VERSION = "…"` (a hash of the build's files) and importScripts of this
 * file, so the update check browsers make on most page views downloads ~100 bytes.
 * One cache per build; a file is kept only if its SHA-256 is the one offline.json lists, so a
 * page never mixes two builds. A new build is copied (same files) or downloaded in the
 * background while the old one serves; offline.js offers to reload. Requests: the cache, then
 * the network (the file is kept), then for a page the offline page of its language. */
/* global VERSION */
'use strict';

var PREFIX = 'parents-connectes-';
var CACHE = PREFIX + VERSION;
var ROOT = self.registration.scope;
var SAVED = '.saved-'; // ROOT + SAVED + lang: that language was kept whole (« Garder le cours »)
var list;

/** Path of a URL in the site, as offline.json names it ('' outside the site). */
function key(url) {
  if (url.indexOf(ROOT) !== 0) return '';
  var path = decodeURI(url.slice(ROOT.length).split(/[?#]/)[0]);
  return !path || path.slice(-1) === '/' ? path + 'index.html' : path;
}

/** This build's offline.json, kept in its cache at install. */
function files() {
  list = list || caches.match(ROOT + 'offline.json', { cacheName: CACHE }).then(function (res) {
    return res.json();
  });
  return list.catch(function (err) {
    list = null;
    throw err;
  });
}

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
    return (b + 256).toString(16).slice(1);
  }).join('');
}

/** Keep a response if it is this build's file; else throw (the server has another build). */
function keep(cache, path, info, res) {
  if (!res.ok || res.redirected) return Promise.reject(Error(path));
  return res.clone().arrayBuffer().then(function (data) {
    return crypto.subtle.digest('SHA-256', data);
  }).then(function (digest) {
    if (hex(digest).slice(0, info[1].length) !== info[1]) throw Error(path);
    return cache.put(ROOT + path, res);
  });
}

function get(cache, path, info) {
  return fetch(ROOT + path, { cache: 'no-cache' }).then(function (res) {
    return keep(cache, path, info, res);
  });
}

/** Put paths in this build's cache, unless there: the same file from an older cache, or downloaded. */
function fill(cache, f, paths, olds) {
  return Promise.all(paths.map(function (path) {
    var info = f.files[path];
    return cache.match(ROOT + path).then(function (hit) {
      return hit || olds.reduce(function (found, old) {
        return found.then(function (res) {
          var was = old.f.files[path];
          return res || (was && was[1] === info[1] ? old.cache.match(ROOT + path) : null);
        });
      }, Promise.resolve(null)).then(function (res) {
        return res ? cache.put(ROOT + path, res) : get(cache, path, info);
      });
    });
  }));
}

/** Complete caches of our builds: { cache, f (its offline.json), paths it holds }. */
function olds() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0;
    }).map(function (name) {
      return caches.open(name).then(function (cache) {
        return cache.match(ROOT + 'offline.json').then(function (res) {
          return res && Promise.all([res.json(), cache.keys()]).then(function (r) {
            return { cache: cache, f: r[0], paths: r[1].map(function (req) { return key(req.url); }) };
          });
        });
      });
    }));
  }).then(function (all) {
    return all.filter(Boolean);
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(Promise.all([
    fetch(ROOT + 'offline.json', { cache: 'no-cache' }).then(function (res) { return res.json(); }),
    caches.open(CACHE),
    olds()
  ]).then(function (r) {
    var f = r[0], cache = r[1], old = r[2], want = f.shell.slice(), marks = [];
    // The server already has a newer build: that one will install instead
    if (f.version !== VERSION) throw Error('version');
    // Keep what the reader had: the same files, and whole languages kept with the button
    old.forEach(function (o) {
      o.paths.forEach(function (path) {
        if (path.indexOf(SAVED) === 0) {
          marks.push(path);
          want = want.concat(f.langs[path.slice(SAVED.length)] || []);
        } else if (f.files[path]) {
          want.push(path);
        }
      });
    });
    want = want.filter(function (path, i) { return want.indexOf(path) === i; });
    return fill(cache, f, want, old).then(function () {
      return Promise.all(marks.map(function (path) { return cache.put(ROOT + path, new Response('')); }));
    }).then(function () {
      // Last: a cache with its offline.json is complete
      return cache.put(ROOT + 'offline.json', new Response(JSON.stringify(f)));
    }).then(function () {
      return firstPages(cache, f);
    });
  }));
});

/** The pages opened before this worker existed, and what they show (best effort). */
function firstPages(cache, f) {
  return self.clients.matchAll({ includeUncontrolled: true, type: 'window' }).then(function (wins) {
    return Promise.all(wins.map(function (win) {
      var path = key(win.url);
      if (!f.files[path]) return null;
      return fill(cache, f, [path], []).then(function () {
        return cache.match(ROOT + path);
      }).then(function (res) {
        return res.text();
      }).then(function (html) {
        var deps = [], re = /(?:src|href)="([^"#]+)"/g, m, dep;
        while ((m = re.exec(html))) {
          dep = key(new URL(m[1], ROOT + path).href);
          if (f.files[dep] && !/\.html$/.test(dep) && deps.indexOf(dep) < 0) deps.push(dep);
        }
        return fill(cache, f, deps, []);
      }).catch(function () { /* that page stays online-only */ });
    }));
  });
}

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) {
      return caches['delete'](name);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request, path = key(req.url);
  if (req.method !== 'GET' || !path) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(ROOT + path).then(function (hit) {
      return hit || fetch(req).then(function (res) {
        var copy = res.clone();
        event.waitUntil(files().then(function (f) {
          return f.files[path] && keep(cache, path, f.files[path], copy);
        })['catch'](function () { /* not this build's file: not kept */ }));
        return res;
      }, function (err) {
        if (req.mode !== 'navigate') throw err;
        return files().then(function (f) {
          var page = f.offline[path.split('/')[0]] || f.offline[f['default']];
          if (page === path) throw err;
          return Response.redirect(ROOT + page, 302);
        });
      });
    });
  }));
});

/** From offline.js: 'skipWaiting', or { lang } (size left to keep) or { lang, save: true }. */
self.addEventListener('message', function (event) {
  var m = event.data || {}, client = event.source;
  if (m === 'skipWaiting') return self.skipWaiting();
  if (!m.lang) return;
  event.waitUntil(Promise.all([files(), caches.open(CACHE)]).then(function (r) {
    var f = r[0], cache = r[1], todo = [], total = 0, done = 0;
    return Promise.all((f.langs[m.lang] || []).map(function (path) {
      return cache.match(ROOT + path).then(function (hit) {
        if (!hit) {
          todo.push(path);
          total += f.files[path][0];
        }
      });
    })).then(function () {
      if (!m.save) return client.postMessage({ lang: m.lang, left: total });
      return Promise.all(todo.map(function (path) {
        return get(cache, path, f.files[path]).then(function () {
          done += f.files[path][0];
          client.postMessage({ lang: m.lang, done: done, total: total });
        });
      })).then(function () {
        return cache.put(ROOT + SAVED + m.lang, new Response(''));
      }).then(function () {
        client.postMessage({ lang: m.lang, ok: true });
      }, function () {
        client.postMessage({ lang: m.lang, error: true });
      });
    });
  }));
});
