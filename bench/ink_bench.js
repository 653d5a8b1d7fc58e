// ink_bench.js - the ink runtime side by side with Rapport (benchmark 4 of
// `make bench`).
//
//   node bench/ink_bench.js NPM_PREFIX STORY.ink [SECONDS]
//
// Compiles STORY.ink with inkjs's own compiler (require('inkjs/full')
// exports Compiler), then replays the story again and again for SECONDS
// (default 2), picking a random choice at every choice point, and prints
//
//   ink_version 2.4.0
//   ink_compile_ms 12.3
//   ink_playthroughs 1234
//   ink_rate 23456 steps/s
//
// A step is one choice taken (ChooseChoiceIndex), after the text before it
// has been produced with ContinueMaximally(): the same unit as Rapport's
// replay row, where a step is one rp_session_choose().
'use strict';
const path = require('path');

const prefix = path.resolve(process.argv[2] || 'build/npm');
const storyFile = process.argv[3] || path.join(__dirname, 'story.ink');
const seconds = Number(process.argv[4] || 2);

const inkPath = require.resolve('inkjs/full', { paths: [path.join(prefix, 'node_modules')] });
const ink = require(inkPath);
const version = require(path.join(prefix, 'node_modules', 'inkjs', 'package.json')).version;
const source = require('fs').readFileSync(storyFile, 'utf8');

let t0 = process.hrtime.bigint();
const compiler = new ink.Compiler(source);
const compiled = compiler.Compile();
if (compiler.errors && compiler.errors.length) {
  console.error(compiler.errors.join('\n'));
  process.exit(2);
}
const json = compiled.ToJson();
const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;

const story = new ink.Story(json);
let rng = 12345;
function rand() {                    // xorshift32, as in bench_engine.c
  rng ^= rng << 13; rng >>>= 0;
  rng ^= rng >>> 17;
  rng ^= rng << 5; rng >>>= 0;
  return rng;
}

function playthrough() {
  story.ResetState();
  let steps = 0;
  for (;;) {
    story.ContinueMaximally();
    const n = story.currentChoices.length;
    if (n === 0) break;
    story.ChooseChoiceIndex(rand() % n);
    steps++;
  }
  return steps;
}

// warm up the JIT
for (let i = 0; i < 50; i++) playthrough();
if (playthrough() !== 20) {
  console.error('ink_bench: expected 20 choice points per playthrough');
  process.exit(2);
}

let steps = 0, runs = 0;
t0 = process.hrtime.bigint();
const limit = BigInt(Math.round(seconds * 1e9));
let elapsed = 0n;
while ((elapsed = process.hrtime.bigint() - t0) < limit) {
  steps += playthrough();
  runs++;
}
const secs = Number(elapsed) / 1e9;
console.log(`ink_version ${version}`);
console.log(`ink_compile_ms ${compileMs.toFixed(1)}`);
console.log(`ink_playthroughs ${runs}`);
console.log(`ink_rate ${Math.round(steps / secs)} steps/s`);
