/* The search page: MiniSearch over the edition's paragraph-level entries (edition-search-data.js).
   Each result names its paragraph, shows the text's own words around the match with the
   query marked, and leads to the paragraph with the words highlighted there. */
(function () {
  "use strict";

  var CONTEXT = 90;

  function query() {
    try {
      return (new URLSearchParams(window.location.search).get("q") || "").trim();
    } catch (error) {
      return "";
    }
  }

  /* The text around the first matched word, each matched word in a <mark>. */
  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var first = -1;
    terms.forEach(function (term) {
      var at = lower.indexOf(term);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = Math.max(0, first - CONTEXT);
    var end = Math.min(text.length, Math.max(first, 0) + CONTEXT * 2);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    var piece = text.slice(start, end);
    var paragraph = document.createElement("p");
    paragraph.className = "context";
    if (start > 0) paragraph.appendChild(document.createTextNode("… "));
    var pieceLower = piece.toLowerCase();
    var position = 0;
    while (position < piece.length) {
      var next = -1;
      var length = 0;
      terms.forEach(function (term) {
        var at = pieceLower.indexOf(term, position);
        if (at >= 0 && (next < 0 || at < next)) { next = at; length = term.length; }
      });
      if (next < 0) break;
      paragraph.appendChild(document.createTextNode(piece.slice(position, next)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(next, next + length);
      paragraph.appendChild(mark);
      position = next + length;
    }
    paragraph.appendChild(document.createTextNode(piece.slice(position) + (end < text.length ? " …" : "")));
    return paragraph;
  }

  function render(container, results, words) {
    container.textContent = "";
    var heading = document.createElement("h2");
    heading.textContent = results.length ? "Search results" : "No results";
    container.appendChild(heading);
    var summary = document.createElement("p");
    summary.className = "search-summary";
    summary.textContent = results.length
      ? results.length + (results.length === 1 ? " paragraph matches" : " paragraphs match") + " “" + words + "”."
      : "No paragraph matches “" + words + "”. Check the spelling, or try fewer words.";
    container.appendChild(summary);
    var list = document.createElement("ul");
    list.className = "search edition-search-results";
    results.forEach(function (result) {
      var terms = result.terms.map(function (term) { return term.toLowerCase(); });
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.page + "?highlight=" + encodeURIComponent(terms.join(" ")) + "#" + result.fragment;
      if (result.label) {
        var label = document.createElement("span");
        label.className = "edition-search-label";
        label.textContent = result.label;
        link.appendChild(label);
        link.appendChild(document.createTextNode(" "));
      }
      link.appendChild(document.createTextNode(result.section ? result.title + " › " + result.section : result.title));
      item.appendChild(link);
      item.appendChild(snippet(result.text, terms));
      list.appendChild(item);
    });
    container.appendChild(list);
  }

  function start() {
    var container = document.getElementById("search-results");
    var words = query();
    document.querySelectorAll("form.bd-search input[name=q]").forEach(function (input) { input.value = words; });
    if (!container || !words || !window.MiniSearch || !window.EDITION_SEARCH_ENTRIES) return;
    var index = new window.MiniSearch({
      fields: ["text", "label", "section", "title"],
      storeFields: ["page", "fragment", "label", "section", "title", "text"],
      searchOptions: { prefix: true, fuzzy: 0.2, combineWith: "AND", boost: { label: 4, section: 2, title: 1.5 } },
    });
    index.addAll(window.EDITION_SEARCH_ENTRIES);
    render(container, index.search(words), words);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
