/* The edition's behaviour in the browser: "Cite this paragraph", copying, old anchors,
   cards that fit the screen, the clean reading view. Every part runs on its own: one that
   fails (a hostile address, a missing element) leaves the others working. */
(function () {
  "use strict";

  var has = Object.prototype.hasOwnProperty;

  function readData() {
    var node = document.getElementById("edition-cite-data");
    if (!node) return null;
    try {
      return JSON.parse(node.textContent);
    } catch (error) {
      return null;
    }
  }

  /* The fragment of the address, decoded when it can be; a malformed one is taken as it is. */
  function currentFragment() {
    var raw = window.location.hash.slice(1);
    try {
      return decodeURIComponent(raw);
    } catch (error) {
      return raw;
    }
  }

  /* An old anchor (kept in the alias map) leads to the paragraph it became. */
  function followAlias(data) {
    var hash = currentFragment();
    if (!hash || hash.length > 200 || document.getElementById(hash)) return;
    var aliases = data.aliases || {};
    var prefix = data.prefix || "";
    var anchor = prefix && hash.indexOf(prefix) === 0 ? hash.slice(prefix.length) : hash;
    var target = null;
    [anchor, anchor.toUpperCase()].forEach(function (key) {
      if (target === null && has.call(aliases, key) && typeof aliases[key] === "string") target = aliases[key];
    });
    if (target) window.location.replace("#" + prefix + target);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function setUpCiting(data) {
    var dialog = document.getElementById("edition-cite-dialog");
    if (!dialog || !data.templates) return;
    var opener = null;
    var current = {};
    var status = dialog.querySelector(".edition-cite-status");

    /* Without a published base address, the page is cited where it is read. */
    var page = data.page || window.location.href.split("#")[0].split("?")[0];

    function open(button) {
      var anchor = button.getAttribute("data-anchor");
      var link = page + "#" + data.prefix + anchor;
      current = { permalink: link };
      Object.keys(data.templates).forEach(function (form) {
        current[form] = data.templates[form].split(data.token).join(anchor).split(data.pageToken).join(page);
      });
      dialog.querySelector(".edition-cite-anchor").textContent = anchor;
      var permalink = dialog.querySelector(".edition-cite-permalink");
      permalink.textContent = link;
      permalink.setAttribute("href", "#" + data.prefix + anchor);
      dialog.querySelectorAll(".edition-cite-text").forEach(function (pre) {
        pre.textContent = current[pre.getAttribute("data-form")];
      });
      status.textContent = "";
      opener = button;
      dialog.showModal();
      dialog.querySelector(".edition-copy").focus();
    }

    document.querySelectorAll("button.edition-cite").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { open(button); });
    });
    dialog.querySelectorAll(".edition-copy").forEach(function (button) {
      button.addEventListener("click", function () {
        var form = button.getAttribute("data-form");
        copyText(current[form]).then(
          function () { status.textContent = "Copied to the clipboard."; },
          function () { status.textContent = "Could not copy: select the text and copy it by hand."; }
        );
      });
    });
    dialog.addEventListener("close", function () {
      /* Browsers that do not give focus back to the opener themselves get it here. */
      var active = document.activeElement;
      if (opener && (!active || active === document.body || dialog.contains(active))) opener.focus();
    });
  }

  /* Cards: described by their link, kept inside the screen, dismissed by Escape (WCAG 1.4.13). */
  var MARGIN = 8;

  function fitCard(card) {
    card.style.left = "";
    card.style.maxWidth = "";
    var width = document.documentElement.clientWidth;
    var box = card.getBoundingClientRect();
    if (!box.width) return;
    if (box.width > width - 2 * MARGIN) {
      card.style.maxWidth = width - 2 * MARGIN + "px";
      box = card.getBoundingClientRect();
    }
    var shift = 0;
    if (box.right > width - MARGIN) shift = box.right - (width - MARGIN);
    if (box.left - shift < MARGIN) shift = box.left - MARGIN;
    if (shift) card.style.left = parseFloat(getComputedStyle(card).left || "0") - shift + "px";
  }

  function setUpCards() {
    var hosts = document.querySelectorAll(".edition-mention, .edition-emendation");
    hosts.forEach(function (host) {
      var card = host.querySelector(":scope > .edition-card");
      if (!card) return;
      var link = host.querySelector(":scope > a");
      if (link && card.id && !link.hasAttribute("aria-describedby")) link.setAttribute("aria-describedby", card.id);
      function show() {
        fitCard(card);
      }
      function reset(event) {
        if (event.type === "focusout" && host.contains(event.relatedTarget)) return;
        if (event.type === "mouseleave" && host.contains(document.activeElement)) return;
        host.classList.remove("edition-card-dismissed");
      }
      host.addEventListener("mouseenter", show);
      host.addEventListener("focusin", show);
      host.addEventListener("mouseleave", reset);
      host.addEventListener("focusout", reset);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      hosts.forEach(function (host) {
        if (host.matches(":hover, :focus-within")) host.classList.add("edition-card-dismissed");
      });
    });
    window.addEventListener("resize", function () {
      document.querySelectorAll(".edition-mention:hover > .edition-card, .edition-mention:focus-within > .edition-card, .edition-emendation:hover > .edition-card, .edition-emendation:focus > .edition-card").forEach(fitCard);
    });
  }

  /* The clean reading view: the reading text and its numbers, without the apparatus marks. */
  var READING_KEY = "edition-reading-view";

  function remember(on) {
    try {
      window.localStorage.setItem(READING_KEY, on ? "on" : "off");
    } catch (error) {
      /* Storage refused (private mode, a file:// page in some browsers): the switch still works. */
    }
  }

  function applyReadingView(on, button) {
    document.documentElement.classList.toggle("edition-reading", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
    /* Marks that are hidden leave the keyboard's path as well. */
    document.querySelectorAll(".edition-mention > a, .edition-emendation, label.margin-toggle, a.edition-noteref").forEach(function (element) {
      if (on) {
        if (!element.hasAttribute("data-edition-tabindex")) element.setAttribute("data-edition-tabindex", element.getAttribute("tabindex") || "");
        element.setAttribute("tabindex", "-1");
      } else if (element.hasAttribute("data-edition-tabindex")) {
        var before = element.getAttribute("data-edition-tabindex");
        if (before) element.setAttribute("tabindex", before); else element.removeAttribute("tabindex");
        element.removeAttribute("data-edition-tabindex");
      }
    });
  }

  function setUpReadingView() {
    if (!document.querySelector(".bd-article .edition-anchor")) return;
    var place = document.querySelector(".article-header-buttons") || document.querySelector(".bd-article");
    if (!place) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-sm edition-reading-switch";
    button.textContent = "Reading view";
    button.title = "Show the reading text alone, with its paragraph numbers";
    place.insertBefore(button, place.firstChild);
    applyReadingView(document.documentElement.classList.contains("edition-reading"), button);
    button.addEventListener("click", function () {
      var on = !document.documentElement.classList.contains("edition-reading");
      applyReadingView(on, button);
      remember(on);
    });
  }

  function attempt(part) {
    try {
      part();
    } catch (error) {
      if (window.console) console.warn("edition.js:", error);
    }
  }

  function start() {
    var data = readData();
    if (data) {
      attempt(function () { followAlias(data); });
      window.addEventListener("hashchange", function () { attempt(function () { followAlias(data); }); });
      attempt(function () { setUpCiting(data); });
    }
    attempt(setUpCards);
    attempt(setUpReadingView);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
