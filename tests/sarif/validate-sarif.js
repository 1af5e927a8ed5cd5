// Validates SARIF logs against the official SARIF 2.1.0 JSON schema (draft-04).
// Usage: node validate-sarif.js LOG.sarif…   Exit 0 when every log is valid, 1 otherwise
// (the schema errors are printed), 77 when the schema or validator is not installed.
'use strict';
const fs = require('fs');
const path = require('path');

let Ajv, schema, draft04;
try {
  Ajv = require('ajv');
  schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  draft04 = require('ajv/lib/refs/json-schema-draft-04.json');
} catch (e) {
  console.error(`validate-sarif: the SARIF schema is not installed (${e.code}); run: npm ci --ignore-scripts --prefix ${__dirname}`);
  process.exit(77);
}
const ajv = new Ajv({schemaId: 'auto', allErrors: true, format: 'full'});
ajv.addMetaSchema(draft04);
const validate = ajv.compile(schema);
let ok = true;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(log)) {
    console.log(`${path.basename(file)}: valid SARIF 2.1.0`);
  } else {
    ok = false;
    console.log(`${file}: not valid SARIF 2.1.0:`);
    for (const e of validate.errors) console.log(`  ${e.dataPath || '(root)'}: ${e.message} (${e.schemaPath})`);
  }
}
process.exit(ok ? 0 : 1);
