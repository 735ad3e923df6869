#!/usr/bin/env python3
"""Our scan beside the hardware limit and the official Node SDK, on one machine, in one run.

1. Throwaway keys with openssl (RSA-2048 "Alipay" key pair, AES-128 key) in a temporary folder.
2. N distinct success payloads (default 100,000), generated with Node's crypto (OpenSSL).
3. `alipay-phone-doctor scan` (release build) with 1 and 2 threads.
4. The official Node SDK (`alipay-sdk@4` from npm, installed into a temporary folder outside the
   repository): `rsaCheck` + `aesDecrypt` per payload, on the same file.
5. `openssl speed -seconds 3 rsa2048` (one core, and `-multi` on every core): verify/s.
6. With --criterion, also the criterion benches (`verify`, `diagnose`, `scan`) in the same run.

Prints one Markdown table. Each figure is the median of --repeat runs. Makes no network
connection except `npm install` from the npm registry when the SDK is not installed yet.

    python3 benches/compare.py [--payloads 100000] [--repeat 3] [--criterion]
"""

import argparse
import base64
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "compare"
BINARY = ROOT / "target" / "release" / "alipay-phone-doctor"


def log(message):
    print(f"[compare] {message}", file=sys.stderr, flush=True)


def run(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs).stdout


def machine():
    cpu = platform.processor() or "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "kernel": platform.release(),
        "rustc": run(["rustc", "-V"]).strip(),
        "node": run(["node", "-v"]).strip(),
        "openssl": run(["openssl", "version"]).strip(),
    }


def make_keys(work):
    private = work / "alipay_private.pem"
    run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", str(private)])
    der = subprocess.run(["openssl", "pkey", "-in", str(private), "-pubout", "-outform", "DER"], check=True, capture_output=True).stdout
    public = work / "alipay_public_key.txt"
    public.write_text(base64.b64encode(der).decode())
    aes = work / "aes_key.txt"
    aes.write_text(run(["openssl", "rand", "-base64", "16"]).strip())
    return private, public, aes


def node_sdk_dir(requested):
    sdk_dir = Path(requested) if requested else Path(tempfile.gettempdir()) / "apd-alipay-sdk4"
    if not (sdk_dir / "node_modules" / "alipay-sdk" / "package.json").exists():
        log(f"npm install alipay-sdk@4 into {sdk_dir}")
        sdk_dir.mkdir(parents=True, exist_ok=True)
        run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(sdk_dir), "alipay-sdk@4"])
    return sdk_dir


def scan_rate(payloads, public, aes, threads, expected):
    command = [str(BINARY), "scan", "--input", str(payloads), "--alipay-public-key", str(public), "--aes-key", str(aes)]
    command += ["--format", "json", "--quiet", "--threads", str(threads)]
    started = time.perf_counter()
    result = subprocess.run(command, text=True, capture_output=True)
    wall = time.perf_counter() - started
    summary = json.loads(result.stdout)
    ok = summary["categories"].get("ok", {}).get("count", 0)
    if ok != expected or summary["result_codes"].get("10000") != expected:
        sys.exit(f"scan did not find {expected} ok payloads: {summary['categories']}")
    return summary["payloads_per_sec"], expected / wall


def node_rate(sdk_dir, payloads, public, aes, private, expected):
    started = time.perf_counter()
    out = run(["node", str(HERE / "node_sdk.js"), str(sdk_dir), str(payloads), str(public), str(aes), str(private)])
    wall = time.perf_counter() - started
    result = json.loads(out)
    if result["ok"] != expected:
        sys.exit(f"the Node SDK verified {result['ok']} of {expected} payloads")
    return result["payloads_per_sec"], expected / wall, result["sdk_version"]


def openssl_verify(multi):
    command = ["openssl", "speed", "-seconds", "3"] + (["-multi", str(multi)] if multi else []) + ["rsa2048"]
    out = subprocess.run(command, check=True, text=True, capture_output=True).stdout
    rows = [line for line in out.splitlines() if re.match(r"^rsa\s+2048 bits", line)]
    if not rows:
        sys.exit(f"cannot read openssl speed output:\n{out}")
    return float(rows[-1].split()[-1])


CRITERION_GROUPS = ("rsa2048_verify", "diagnose", "paste_1mib", "scan_100k_success")


def criterion():
    log("cargo bench --bench verify --bench diagnose --bench scan (a few minutes)")
    command = ["cargo", "bench", "--bench", "verify", "--bench", "diagnose", "--bench", "scan"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    figures = {}
    for group in CRITERION_GROUPS:
        for estimates in (ROOT / "target" / "criterion" / group).glob("*/new/estimates.json"):
            name = f"{group}/{estimates.parent.parent.name}"
            figures[name] = json.loads(estimates.read_text())["median"]["point_estimate"] / 1000.0
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--payloads", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--node-dir", help="where alipay-sdk@4 is (or goes); default: a temporary folder")
    parser.add_argument("--criterion", action="store_true", help="also run the criterion benches")
    args = parser.parse_args()
    for tool in ("cargo", "node", "npm", "openssl"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed")
    about = machine()
    sdk_dir = node_sdk_dir(args.node_dir)
    log("cargo build --release")
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory(prefix="apd-compare-") as folder:
        work = Path(folder)
        private, public, aes = make_keys(work)
        payloads = work / "payloads.jsonl"
        log(f"generating {args.payloads} signed payloads with Node's crypto")
        run(["node", str(HERE / "generate.js"), str(private), str(aes), str(args.payloads), str(payloads)])
        results = {}
        for threads in (1, 2):
            log(f"our scan, {threads} thread(s), {args.repeat} runs")
            runs = [scan_rate(payloads, public, aes, threads, args.payloads) for _ in range(args.repeat)]
            results[f"scan{threads}"] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
        log(f"Node SDK, {args.repeat} runs")
        runs = [node_rate(sdk_dir, payloads, public, aes, private, args.payloads) for _ in range(args.repeat)]
        results["node"] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
        sdk_version = runs[0][2]
    log("openssl speed -seconds 3 rsa2048 (1 core, then every core)")
    single = statistics.median(openssl_verify(None) for _ in range(args.repeat))
    cores = about["cores"] or 1
    multi = statistics.median(openssl_verify(cores) for _ in range(args.repeat)) if cores > 1 else single
    figures = criterion() if args.criterion else {}
    report(about, args, results, single, multi, sdk_version, figures)


def report(about, args, results, single, multi, sdk_version, figures):
    scan1, scan2, node = results["scan1"], results["scan2"], results["node"]
    cores = about["cores"]
    print(f"Machine: {about['cpu']}, {cores} cores, {about['memory']}, Linux {about['kernel']}; "
          f"{about['rustc']}, Node {about['node']}, {about['openssl']}. "
          f"{args.payloads:,} distinct payloads, median of {args.repeat} runs.\n")
    print("| what | payloads/s (verify/s for openssl) | wall clock incl. start-up | vs openssl verify/s, 1 core | vs Node SDK |")
    print("|---|---:|---:|---:|---:|")
    print(f"| `openssl speed -seconds 3 rsa2048`, 1 core | {single:,.0f} | | 1.00 | |")
    print(f"| `openssl speed -multi {cores} -seconds 3 rsa2048` | {multi:,.0f} | | {multi / single:.2f} | |")
    print(f"| Node `alipay-sdk` {sdk_version} (`rsaCheck` + `aesDecrypt`), 1 process | {node[0]:,.0f} | {node[1]:,.0f} | {node[0] / single:.2f} | 1.0x |")
    print(f"| **`alipay-phone-doctor scan`, 1 thread** | {scan1[0]:,.0f} | {scan1[1]:,.0f} | {scan1[0] / single:.2f} | {scan1[0] / node[0]:.1f}x |")
    print(f"| **`alipay-phone-doctor scan`, 2 threads** | {scan2[0]:,.0f} | {scan2[1]:,.0f} | {scan2[0] / single:.2f} ({scan2[0] / single / 2:.2f} per core) | {scan2[0] / node[0]:.1f}x |")
    if figures:
        bare = figures.get("rsa2048_verify/aws_lc_rs_parsed_once")
        print("\n| criterion bench (median) | time | per second | vs bare aws-lc-rs verify |")
        print("|---|---:|---:|---:|")
        for name in sorted(figures):
            micros = figures[name]
            per_run = 100_000 if name.startswith("scan_100k") else 1
            ratio = f"{micros / bare:.2f}" if bare and per_run == 1 else ""
            time_text = f"{micros / 1000:.2f} ms" if micros >= 1000 else f"{micros:.2f} µs"
            print(f"| `{name}` | {time_text} | {per_run * 1e6 / micros:,.0f} | {ratio} |")


if __name__ == "__main__":
    main()
