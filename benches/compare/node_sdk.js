// The official Node SDK on the same payloads: per line, JSON.parse, `rsaCheck` over the quoted
// ciphertext with the declared sign type, then `aesDecrypt` and JSON.parse of the result.
// Usage: node node_sdk.js SDK_DIR PAYLOADS.jsonl ALIPAY_PUBLIC_KEY.txt AES_KEY.txt APP_PRIVATE_KEY.pem
// Prints one JSON object: payloads, ok, elapsed_secs, payloads_per_sec, sdk_version.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');

const [sdkDir, payloadsPath, publicPath, aesPath, privatePath] = process.argv.slice(2);
const { AlipaySdk } = require(require.resolve('alipay-sdk', { paths: [sdkDir] }));
const sdkVersion = JSON.parse(fs.readFileSync(path.join(sdkDir, 'node_modules', 'alipay-sdk', 'package.json'), 'utf8')).version;

const sdk = new AlipaySdk({
  appId: '2021000000000000',
  privateKey: fs.readFileSync(privatePath, 'utf8'),
  keyType: 'PKCS8',
  alipayPublicKey: fs.readFileSync(publicPath, 'utf8').trim(),
  encryptKey: fs.readFileSync(aesPath, 'utf8').trim(),
});

async function main() {
  const started = process.hrtime.bigint();
  let payloads = 0;
  let ok = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(payloadsPath), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    payloads++;
    try {
      const envelope = JSON.parse(line);
      const valid = sdk.rsaCheck(`"${envelope.response}"`, envelope.sign, envelope.sign_type || 'RSA2');
      const business = JSON.parse(sdk.aesDecrypt(envelope.response));
      if (valid && business.code === '10000') ok++;
    } catch (_) {
      // A payload the SDK cannot handle is counted, not fatal.
    }
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ payloads, ok, elapsed_secs: elapsed, payloads_per_sec: payloads / elapsed, sdk_version: sdkVersion }));
}

main();
