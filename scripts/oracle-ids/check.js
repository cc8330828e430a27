#!/usr/bin/env node
// Differential oracle for crates/domain/tests/differential.rs (test-only, never used at run time).
//
// usage: node scripts/oracle-ids/check.js FILE
//   FILE:   {"hetu": ["131052-308T", ...], "business_id": ["2077474-0", ...]}
//   stdout: {"versions": {...}, "hetu": [true, ...], "business_id": [false, ...]}
//           (one verdict per input, same order; inputs are passed to the peers unchanged)
'use strict'

const fs = require('fs')
const pkg = require('./package.json')

const versions = {}
for (const [name, pinned] of Object.entries(pkg.dependencies)) {
  let installed
  try {
    installed = require(`${name}/package.json`).version
  } catch (e) {
    installed = null
  }
  if (installed !== pinned) {
    console.error(
      `oracle-ids: ${name} ${installed === null ? 'is not installed' : `${installed} is installed`}` +
        ` but ${pinned} is pinned; run: npm ci --prefix scripts/oracle-ids`
    )
    process.exit(2)
  }
  versions[name] = installed
}

const { FinnishSSN } = require('finnish-ssn')
const { FinnishBusinessIds } = require('finnish-business-ids')

if (process.argv.length !== 3) {
  console.error('usage: node scripts/oracle-ids/check.js FILE')
  process.exit(64)
}
const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const strings = (key) => {
  const list = input[key]
  if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) {
    console.error(`oracle-ids: "${key}" must be an array of strings`)
    process.exit(65)
  }
  return list
}

process.stdout.write(
  JSON.stringify({
    versions,
    hetu: strings('hetu').map((s) => FinnishSSN.validate(s)),
    business_id: strings('business_id').map((s) => FinnishBusinessIds.isValidBusinessId(s)),
  })
)
