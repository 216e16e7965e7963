"""Time from didOpen to publishDiagnostics over stdio against `speller lsp`: python benchmarks/lsp_timing.py FILE."""
import json, subprocess, sys, time
from pathlib import Path

path = Path(sys.argv[1]).resolve()
proc = subprocess.Popen([sys.executable, "-m", "speller.cli", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(msg):
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body); proc.stdin.flush()

def read():
    length = 0
    while (line := proc.stdout.readline().strip()):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))

def wait(pred):
    while True:
        msg = read()
        if pred(msg):
            return msg

t0 = time.perf_counter()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": path.parent.as_uri(), "capabilities": {}}})
wait(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
t_init = time.perf_counter()
text = path.read_text(encoding="utf-8")
for n, uri in enumerate([path.as_uri(), path.as_uri() + "?again"]):
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
    msg = wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    print(f"{'first' if n == 0 else 'warm'} didOpen -> diagnostics: {(time.perf_counter() - t) * 1000:.0f} ms "
          f"({len(msg['params']['diagnostics'])} diagnostics)")
print(f"process start -> initialize result: {(t_init - t0) * 1000:.0f} ms")
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}); wait(lambda m: m.get("id") == 2)
send({"jsonrpc": "2.0", "method": "exit"}); proc.wait(5)
