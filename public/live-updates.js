/*
 * Live blog updates for readers: the site's one script of its own, loaded only on live blog
 * pages whose coverage runs (components/site/live-blog.tsx). The page is complete without it.
 *
 * Every ~15 s (while the tab is visible) it asks the live blog's updates endpoint
 * (data-live-endpoint, /news/<slug>/live.json) with If-None-Match, so an unchanged blog costs
 * a 304 with no body. Then:
 * - entries that arrived are counted on a button ("3 new updates"); they are shown when the
 *   reader presses it, so nothing moves under someone reading;
 * - an entry edited since the page was loaded is replaced where it stands, and a deleted one
 *   is removed, at once: a correction or a takedown must not wait for a click (nor survive in
 *   an open page);
 * - the key events and the pinned entry are replaced when they changed;
 * - when the coverage ends, polling stops (the next load shows the notice).
 * Plain ES2017, no library.
 */
(function () {
  "use strict";
  var section = document.querySelector("[data-live-endpoint]");
  if (!section || !window.fetch) return;
  var endpoint = section.getAttribute("data-live-endpoint");
  var list = section.querySelector("[data-live-entries]");
  var notice = section.querySelector("[data-live-notice]");
  var button = section.querySelector("[data-live-show]");
  var lang = (section.closest("[lang]") || document.documentElement).getAttribute("lang") || "en";
  var POLL_MS = 15000;
  var etag = null;
  var timer = null;
  var stopped = false;
  /** Entries that arrived and wait for the reader's click: id → html, newest first. */
  var waiting = [];

  function shown() {
    var map = {};
    list.querySelectorAll("[data-entry-id]").forEach(function (el) {
      map[el.getAttribute("data-entry-id")] = el;
    });
    return map;
  }

  function fragment(html) {
    var t = document.createElement("template");
    t.innerHTML = html;
    return t.content;
  }

  function label(n) {
    var count = new Intl.NumberFormat(lang).format(n);
    var text = n === 1 ? button.getAttribute("data-label-one") : button.getAttribute("data-label-many");
    return text.replace("{n}", count);
  }

  function showNotice() {
    if (waiting.length === 0) {
      notice.hidden = true;
      return;
    }
    button.textContent = label(waiting.length);
    notice.hidden = false;
  }

  function replaceBlock(selector, html) {
    var current = section.querySelector(selector);
    if (!current) return;
    var next = fragment(html).firstElementChild;
    if (next && current.outerHTML !== next.outerHTML) current.replaceWith(next);
  }

  function apply(data) {
    var onPage = shown();
    var inData = {};
    data.entries.forEach(function (e) {
      inData[e.id] = e;
    });
    var oldest = data.entries.length ? data.entries[data.entries.length - 1].postedAt : null;
    // Edited entries, in place; deleted ones, gone.
    Object.keys(onPage).forEach(function (id) {
      var el = onPage[id];
      var entry = inData[id];
      if (entry) {
        if (el.getAttribute("data-entry-version") !== entry.version) {
          var next = fragment(entry.html).firstElementChild;
          if (next) el.replaceWith(next);
        }
        return;
      }
      var posted = el.querySelector("time[datetime]");
      var at = posted ? posted.getAttribute("datetime") : null;
      if (data.complete || (oldest && at && at >= oldest)) {
        var item = el.closest("[data-live-item]") || el;
        item.remove();
      }
    });
    // New entries wait for the reader; those deleted or edited while waiting follow suit.
    waiting = data.entries.filter(function (e) {
      return !onPage[e.id];
    });
    showNotice();
    replaceBlock("[data-live-key-events]", data.keyEventsHtml);
    replaceBlock("[data-live-pinned]", data.pinnedHtml);
    if (!data.live) stop();
  }

  function showWaiting() {
    var first = null;
    for (var i = waiting.length - 1; i >= 0; i--) {
      var wrap = document.createElement("div");
      wrap.setAttribute("data-live-item", waiting[i].id);
      wrap.appendChild(fragment(waiting[i].html));
      list.insertBefore(wrap, list.firstChild);
      first = wrap;
    }
    waiting = [];
    showNotice();
    if (first) {
      var entry = first.querySelector("[data-entry-id]");
      if (entry) {
        entry.setAttribute("tabindex", "-1");
        entry.focus({ preventScroll: true });
      }
      first.scrollIntoView({ block: "start" });
    }
  }

  function poll() {
    timer = null;
    if (stopped) return;
    if (document.hidden) return;
    var headers = { Accept: "application/json" };
    if (etag) headers["If-None-Match"] = etag;
    fetch(endpoint, { headers: headers, cache: "no-cache", credentials: "omit" })
      .then(function (r) {
        if (r.status === 304) return null;
        if (r.status === 404 || r.status === 410) {
          stop();
          return null;
        }
        if (!r.ok) return null;
        etag = r.headers.get("ETag");
        return r.json();
      })
      .then(function (data) {
        if (data) apply(data);
      })
      .catch(function () {
        /* offline or a hiccup: try again at the next tick */
      })
      .then(schedule);
  }

  function schedule() {
    if (stopped || timer) return;
    timer = setTimeout(poll, POLL_MS + Math.floor(Math.random() * 2000));
  }

  function stop() {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  button.addEventListener("click", showWaiting);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && !timer && !stopped) poll();
  });
  // A first check soon after load: the page may have come from a cache a few seconds old.
  timer = setTimeout(poll, 2000);
})();
