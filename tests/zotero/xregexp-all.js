module.exports = require("xregexp");  // the XRegExp build utilities.js expects, from the npm package
