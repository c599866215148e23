// Load a quotegraph Cytoscape.js export headless and compare it with what
// the library says. usage: node check_cytoscape.js EXPORT EXPECTED_JSON
// Exit 0: ok; 1: a check failed; 3: the cytoscape package is not installed.
'use strict';
const fs = require('fs');
let cytoscape;
try {
  cytoscape = require('cytoscape');
} catch (e) {
  console.error('consumer missing: ' + e.message);
  process.exit(3);
}
const util = require('util');
const [file, expectedFile] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(file, 'utf8'));
const exp = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
const cy = cytoscape({ headless: true, elements: data.elements });
const failures = [];
const check = (cond, msg) => { if (!cond) failures.push(msg); };
check(cy.nodes().length === exp.nodes, `nodes ${cy.nodes().length} != ${exp.nodes}`);
check(cy.edges().length === exp.edges, `edges ${cy.edges().length} != ${exp.edges}`);
const kinds = {};
cy.edges().forEach((e) => { kinds[e.data('kind')] = (kinds[e.data('kind')] || 0) + 1; });
check(util.isDeepStrictEqual(kinds, exp.edge_kinds), `edge kinds ${JSON.stringify(kinds)}`);
for (const n of exp.node_checks) {
  const el = cy.getElementById(n.id);
  if (el.empty()) { failures.push(`node ${JSON.stringify(n.id)} missing`); continue; }
  check(el.hasClass(n.kind), `${n.id} lacks class ${n.kind}`);
  for (const [name, a] of Object.entries(n.attrs)) {
    check(util.isDeepStrictEqual(el.data(name), a.json),
      `${JSON.stringify(n.id)}.${name}: ${JSON.stringify(el.data(name))} != ${JSON.stringify(a.json)}`);
  }
}
if (failures.length) {
  failures.slice(0, 40).forEach((f) => console.log('FAIL: ' + f));
  console.log(`${failures.length} checks failed`);
  process.exit(1);
}
console.log(`ok: cytoscape ${exp.nodes} nodes, ${exp.edges} edges`);
