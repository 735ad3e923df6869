// Browser test of the web build: serves target/web/ on 127.0.0.1, drives Debian's headless
// Chromium with playwright-core (no browser download) and checks what a person would do: the demo
// verdict, the browser's file dialog for both keys, a paste of a response whose AES key is wrong,
// a dropped key file, preferences in localStorage without keys or pastes, and that every request
// the page makes is for its own files. Measures the time from navigation to the first frame.
//
// usage: npm install && npm test          (after scripts/build-web.sh)
// Writes target/web-test/results.json and screenshots there.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const targetDir = process.env.CARGO_TARGET_DIR
  ? path.resolve(root, process.env.CARGO_TARGET_DIR)
  : path.join(root, "target");
const webDir = path.join(targetDir, "web");
const outDir = path.join(targetDir, "web-test");
const cases = path.join(root, "tests/fixtures/cases");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const timingRuns = Number(process.env.APD_TIMING_RUNS || 5);

const mime = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

/** A static server for target/web/ on 127.0.0.1, nothing cached so every load is complete. */
function serve(dir) {
  const served = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    const relative = url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(dir, relative);
    served.push(url.pathname);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": mime[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, served, port: server.address().port }));
  });
}

async function state(page) {
  return page.evaluate(() => (window.__apd_state ? window.__apd_state() : null));
}

async function waitFor(page, predicate, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    last = await state(page);
    if (last && predicate(last)) {
      return last;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; last state ${JSON.stringify(last)}`);
}

// File dialogs the page opened; the listener is installed before the first one, so that Chromium
// hands the dialog to the test instead of showing it.
const choosers = [];
// Downloads the page started (the report).
const downloads = [];

async function chooseFile(page, shortcut, file) {
  await page.keyboard.press(shortcut);
  const deadline = Date.now() + 10000;
  while (choosers.length === 0) {
    assert.ok(Date.now() < deadline, `${shortcut} opened no file dialog`);
    await page.waitForTimeout(50);
  }
  await choosers.shift().setFiles(file);
}

async function dropFile(page, file) {
  const name = path.basename(file);
  const text = fs.readFileSync(file, "utf8");
  const transfer = await page.evaluateHandle(
    ([name, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: "text/plain" }));
      return data;
    },
    [name, text],
  );
  for (const type of ["dragenter", "dragover", "drop"]) {
    await page.dispatchEvent("#apd_canvas", type, { dataTransfer: transfer });
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

test("the web page diagnoses in the browser and talks to no one", async () => {
  assert.ok(fs.existsSync(path.join(webDir, "index.html")), `${webDir}/index.html: run scripts/build-web.sh`);
  fs.mkdirSync(outDir, { recursive: true });
  const { server, served, port } = await serve(webDir);
  const origin = `http://127.0.0.1:${port}`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "apd-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  const requests = [];
  const problems = [];
  context.on("request", (request) => requests.push(`${request.method()} ${request.url()}`));
  const results = { origin };
  try {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const page = context.pages()[0] || (await context.newPage());
    page.on("filechooser", (chooser) => choosers.push(chooser));
    page.on("download", (download) => downloads.push(download));
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") {
        problems.push(`console error: ${message.text()}`);
      }
    });

    // 1. The demo verdict on the first frames.
    await page.goto(`${origin}/`);
    const first = await waitFor(page, (s) => s.frames > 0 && s.category !== "", "the first frame");
    results.firstLoad = first;
    assert.equal(first.category, "ok", "the demo's verdict");
    assert.equal(first.demo, true);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(outDir, "demo.png") });

    // 1b. "Save report…" downloads the Markdown report, made in the page (the button's place in
    // the demo layout at 1280x860).
    await page.mouse.click(588, 110);
    const downloadDeadline = Date.now() + 10000;
    while (downloads.length === 0) {
      assert.ok(Date.now() < downloadDeadline, "Save report… started no download");
      await page.waitForTimeout(50);
    }
    const download = downloads.shift();
    results.download = download.suggestedFilename();
    const report = fs.readFileSync(await download.path(), "utf8");
    assert.match(report, /ok/);
    const demoAesKey = fs.readFileSync(path.join(root, "assets/demo/demo_aes_key.txt"), "utf8").trim();
    assert.ok(!report.includes(demoAesKey), "the report holds the AES key");

    // 2. Both keys through the browser's file dialog (Ctrl+O, Ctrl+Shift+O), as a user does.
    await page.focus("#apd_canvas");
    await chooseFile(page, "Control+O", path.join(cases, "p013_aes_key_wrong/alipay_public_key.txt"));
    await waitFor(page, (s) => !s.demo, "the public key to end the demo");
    await chooseFile(page, "Control+Shift+O", path.join(cases, "p013_aes_key_wrong/aes_key.txt"));
    const keysLoaded = await waitFor(
      page,
      (s) => s.category === "empty_input" && !s.notices.includes("notice_read_failed"),
      "both keys loaded",
    );
    results.afterKeys = keysLoaded;

    // 3. Paste a response whose AES key is not the one loaded: the verdict changes.
    const response = fs.readFileSync(path.join(cases, "p013_aes_key_wrong/response.txt"), "utf8");
    const expected = JSON.parse(
      fs.readFileSync(path.join(cases, "p013_aes_key_wrong/expected.json"), "utf8"),
    );
    await page.evaluate((text) => navigator.clipboard.writeText(text), response);
    await page.focus("#apd_canvas");
    await page.keyboard.press("Control+Shift+V");
    const pasted = await waitFor(
      page,
      (s) => s.category === expected.category,
      `the pasted response's verdict ${expected.category}`,
    );
    results.afterPaste = pasted;
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(outDir, "wrong-aes-key.png") });

    // 4. Drop the right AES key file on the window: it goes to the AES slot and the verdict is ok.
    await dropFile(page, path.join(cases, "p001_ok_success/aes_key.txt"));
    results.afterDrop = await waitFor(page, (s) => s.category === "ok", "the dropped AES key");
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(outDir, "dropped-key.png") });

    // 5. Reload: preferences are kept, keys and the paste are not.
    await page.reload();
    const reloaded = await waitFor(page, (s) => s.frames > 0 && s.category !== "", "the reload");
    assert.equal(reloaded.demo, true, "after a reload only the demo is shown");
    const storage = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    results.localStorageKeys = Object.keys(storage);
    const stored = JSON.stringify(storage);
    const secrets = [
      fs.readFileSync(path.join(cases, "p001_ok_success/aes_key.txt"), "utf8").trim(),
      fs.readFileSync(path.join(cases, "p013_aes_key_wrong/aes_key.txt"), "utf8").trim(),
      fs.readFileSync(path.join(cases, "p001_ok_success/alipay_public_key.txt"), "utf8").trim().slice(0, 40),
      JSON.parse(response).response.slice(0, 40),
      "15976719050",
    ].filter((secret) => secret.length > 0);
    for (const secret of secrets) {
      assert.ok(!stored.includes(secret), "localStorage holds a key, the paste or the mobile");
    }
    assert.match(stored, /lang/, "the preferences are stored");

    // 6. Time from navigation to the first frame, several loads.
    const times = [];
    for (let run = 0; run < timingRuns; run += 1) {
      const fresh = await context.newPage();
      await fresh.goto(`${origin}/`);
      const loaded = await waitFor(fresh, (s) => s.frames > 0, "a timed load");
      times.push(loaded.firstFrameMs);
      await fresh.close();
    }
    results.firstFrameMs = times;
    results.firstFrameMedianMs = median(times);

    // 7. Every request was for the page's own files.
    results.requests = requests;
    results.served = served;
    results.problems = problems;
    const own = (url) => url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`);
    const foreign = requests.filter((line) => !own(line.split(" ")[1]));
    assert.deepEqual(foreign, [], "requests to anything but the page's own files");
    assert.deepEqual(
      problems.filter((line) => line.startsWith("page error")),
      [],
      "uncaught errors in the page",
    );
  } finally {
    fs.writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(
    `first frame after navigation: median ${results.firstFrameMedianMs.toFixed(0)} ms ` +
      `(${results.firstFrameMs.map((ms) => ms.toFixed(0)).join(", ")}); ` +
      `${results.requests.length} requests, all to ${origin}`,
  );
});
