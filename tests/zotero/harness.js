/*
 * Runs Zotero's own web translator "Embedded Metadata" (with the RDF import
 * translator it calls) on a saved page, offline, as the Zotero Connector would,
 * and prints the items it saves as JSON.
 *
 * The translators and Zotero.Utilities are Zotero's code, unchanged (AGPLv3, see
 * COPYING and README.md). What Zotero's translation framework gives a
 * translator is emulated here, only as far as these two use it: the sandbox's
 * globals (Zotero, Z, ZU, attr), Zotero.Item, loadTranslator and Zotero.RDF.
 *
 * Usage: node harness.js PAGE.html URL
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { JSDOM } = require("jsdom");
const xpathEngine = require("xpath");  // jsdom's own XPath is too slow for a long page
const Utilities = require("./utilities.js");

const [file, url] = process.argv.slice(2);
const dom = new JSDOM(fs.readFileSync(file, "utf8"), { url });
const doc = dom.window.document;
const debug = [];
let detected = null;

/* The creator types Zotero's schema allows for the item types met here. */
const CREATOR_TYPES = {
	book: ["author", "contributor", "editor", "seriesEditor", "translator"],
	bookSection: ["author", "contributor", "editor", "bookAuthor", "seriesEditor", "translator"],
	webpage: ["author", "contributor", "translator"],
	journalArticle: ["author", "contributor", "editor", "translator", "reviewedAuthor"],
	document: ["author", "contributor", "editor", "translator", "reviewedAuthor"],
};

/* The translator's code: the JSON header and the test cases left out, as Zotero does. */
function translatorCode(name) {
	const code = fs.readFileSync(path.join(__dirname, name), "utf8");
	const body = code.slice(code.indexOf("\n}\n") + 3);
	const tests = body.indexOf("/** BEGIN TEST CASES **/");
	return tests < 0 ? body : body.slice(0, tests);
}

/* Zotero.Utilities as a translator sees it: the real functions, and those of the framework. */
const ZU = Object.assign(Object.create(Utilities), {
	xpath(elements, xpath, namespaces) {
		const results = [];
		const select = xpathEngine.useNamespaces(namespaces || {});
		for (const element of Array.isArray(elements) ? elements : [elements]) {
			results.push(...select(xpath, element));
		}
		return results;
	},
	xpathText(elements, xpath, namespaces, delimiter) {
		const found = this.xpath(elements, xpath, namespaces);
		return found.length ? found.map((n) => n.textContent).join(delimiter === undefined ? ", " : delimiter) : null;
	},
	strToISO(string) {
		const match = /(\d{4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?/.exec(string || "");
		return match ? [match[1], match[2], match[3]].filter(Boolean).map((p, i) => (i ? p.padStart(2, "0") : p)).join("-") : false;
	},
	resolveURL(relative) {
		return new URL(relative, doc.location.href).href;
	},
	getCreatorsForType: (type) => CREATOR_TYPES[type] || ["author", "contributor"],
	itemTypeExists: (type) => type in CREATOR_TYPES,
	fieldIsValidForType: (field, type) => !(field === "DOI" && (type === "book" || type === "bookSection" || type === "webpage")),
});

/* A triple store with the calls of Zotero.RDF that RDF.js makes. */
function makeRDF() {
	const statements = [];
	const nodes = new Map();
	const node = (uri) => (nodes.has(uri) ? nodes.get(uri) : nodes.set(uri, { uri }).get(uri));
	const uriOf = (x) => (typeof x === "string" ? x : x.uri);
	const orFalse = (list) => (list.length ? list : false);
	return {
		addStatement(about, relation, value, literal) {
			statements.push([node(about), relation, literal ? String(value) : node(value)]);
		},
		getAllResources: () => [...new Set(statements.map((s) => s[0]))],
		getTargets: (resource, property) => orFalse(statements.filter((s) => s[0] === resource && s[1] === property).map((s) => s[2])),
		getSources: (resource, property) => orFalse(statements.filter((s) => s[2] === resource && s[1] === property).map((s) => s[0])),
		getArcsIn: (resource) => orFalse(statements.filter((s) => s[2] === resource).map((s) => node(s[1]))),
		getArcsOut: (resource) => orFalse(statements.filter((s) => s[0] === resource).map((s) => node(s[1]))),
		getResourceURI: uriOf,
		getContainerElements: () => [],
	};
}

/* One sandbox per translator, as in Zotero: its own globals, the same page. */
function sandbox(name, onItem, extra) {
	class Item {
		constructor(itemType) {
			Object.assign(this, { itemType, creators: [], notes: [], tags: [], seeAlso: [], attachments: [] });
		}
		complete() {
			onItem(this);
		}
	}
	const Zotero = {
		Item,
		Utilities: ZU,
		debug: (message) => debug.push(String(message)),
		loadTranslator: () => loadImportTranslator(onItem),
		done: (itemType) => {
			if (itemType !== undefined) detected = itemType;
		},
		setProgress: () => {},
		parentTranslator: extra.parentTranslator || false,
		...extra.zotero,
	};
	const globals = {
		Zotero,
		Z: Zotero,
		ZU,
		attr(node, selector, attribute, index) {
			const element = index ? node.querySelectorAll(selector).item(index) : node.querySelector(selector);
			return element ? element.getAttribute(attribute) : "";
		},
		console,
		URL,
	};
	const context = vm.createContext(globals);
	vm.runInContext(translatorCode(name), context, { filename: name });
	return context;
}

/*
 * Zotero.loadTranslator("import") with the RDF translator, which Embedded Metadata asks for by its id.
 * An item the child completes goes to the parent's itemDone handler; completed again there, it is the parent's.
 */
function loadImportTranslator(parentOnItem) {
	const handlers = {};
	return {
		setTranslator() {},
		setHandler(event, handler) {
			handlers[event] = handler;
		},
		getTranslatorObject(callback) {
			const childDone = (item) => {
				item.complete = () => parentOnItem(item);
				if (handlers.itemDone) handlers.itemDone(null, item);
			};
			const context = sandbox("RDF.js", childDone, {
				parentTranslator: "Embedded Metadata",
				zotero: { RDF: makeRDF() },
			});
			const translatorObject = context.exports;
			translatorObject.Zotero = context.Zotero;  // as Zotero's getTranslatorObject hands it over
			callback(translatorObject);
		},
	};
}

/* Zotero.Translate's itemDone: empty values dropped, strings trimmed, empty creators dropped. */
function saved(item) {
	const result = {};
	for (const [key, value] of Object.entries(item)) {
		if (key === "complete" || (!value && value !== 0)) continue;
		if (key === "attachments") {
			result.attachments = value.map((a) => ({ title: a.title, mimeType: a.mimeType || (a.document ? "text/html" : undefined) }));
		}
		else result[key] = typeof value === "string" ? value.trim() : value;
	}
	// Saved as Zotero.Utilities.Item.itemToAPIJSON saves a creator: without a first name, in one field.
	result.creators = (item.creators || [])
		.filter((c) => c.firstName || c.lastName)
		.map((c) => (!c.firstName || c.fieldMode == 1
			? { lastName: c.lastName, creatorType: c.creatorType, fieldMode: 1 }
			: { firstName: c.firstName, lastName: c.lastName, creatorType: c.creatorType, fieldMode: 0 }));
	return result;
}

const items = [];
const em = sandbox("Embedded Metadata.js", (item) => items.push(saved(item)), {});
em.detectWeb(doc, url);
em.doWeb(doc, url);
process.stdout.write(JSON.stringify({ detected, items, debug }, null, 1) + "\n");
