/* The edition's behaviour in the browser: "Cite this paragraph", copying, old anchors. */
(function () {
  "use strict";

  function readData() {
    var node = document.getElementById("edition-cite-data");
    return node ? JSON.parse(node.textContent) : null;
  }

  /* An old anchor (kept in the alias map) leads to the paragraph it became. */
  function followAlias(data) {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash || document.getElementById(hash)) return;
    var anchor = hash.indexOf(data.prefix) === 0 ? hash.slice(data.prefix.length) : hash;
    var target = data.aliases[anchor] || data.aliases[anchor.toUpperCase()];
    if (target) window.location.replace("#" + data.prefix + target);
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

  function setUp(data) {
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

  function start() {
    var data = readData();
    if (!data) return;
    followAlias(data);
    window.addEventListener("hashchange", function () { followAlias(data); });
    setUp(data);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
