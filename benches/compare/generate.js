// Writes COUNT success payloads of `my.getPhoneNumber`, one JSON object per line, each with its
// own mobile number: AES-128-CBC with a zero IV (Alipay's "AES"), signed RSA2 (SHA256withRSA) over
// "\"" + ciphertext + "\"". Node's crypto (OpenSSL) does the work.
// Usage: node generate.js PRIVATE_KEY.pem AES_KEY.txt COUNT OUT.jsonl
'use strict';
const crypto = require('crypto');
const fs = require('fs');

const [privatePath, aesPath, countText, outPath] = process.argv.slice(2);
const privateKey = crypto.createPrivateKey(fs.readFileSync(privatePath));
const aesKey = Buffer.from(fs.readFileSync(aesPath, 'utf8').trim(), 'base64');
const algorithm = `aes-${aesKey.length * 8}-cbc`;
const count = Number(countText);
const out = fs.openSync(outPath, 'w');
let chunk = [];
for (let index = 0; index < count; index++) {
  const business = JSON.stringify({ code: '10000', msg: 'Success', mobile: '138' + String(index).padStart(8, '0') });
  const cipher = crypto.createCipheriv(algorithm, aesKey, Buffer.alloc(16));
  const response = Buffer.concat([cipher.update(business, 'utf8'), cipher.final()]).toString('base64');
  const sign = crypto.sign('sha256', Buffer.from(`"${response}"`), privateKey).toString('base64');
  chunk.push(JSON.stringify({ response, sign, sign_type: 'RSA2', encrypt_type: 'AES', charset: 'UTF-8' }));
  if (chunk.length === 1000 || index === count - 1) {
    fs.writeSync(out, chunk.join('\n') + '\n');
    chunk = [];
  }
}
fs.closeSync(out);
