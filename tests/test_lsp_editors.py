"""The README's editor set-ups for `speller lsp`, taken from README.md as written.

The Neovim 0.7-0.10 snippet runs in a real headless Neovim when `nvim` is installed (Debian's
`neovim` package is 0.7): it opens a file with a typo and must show speller's diagnostic at the
right place and offer its quick fixes. The Emacs snippet runs in batch Emacs with eglot when
both are installed (Debian: emacs-nox, elpa-eglot) and must show the diagnostic. For the other
editors, which cannot run here, the snippet must parse and the command it starts must answer
`initialize`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from speller.jsonrpc import Framer, encode

README = Path(__file__).resolve().parent.parent / "README.md"
WAIT = 60  # seconds, for a whole editor session; only reached when something is wrong
BIN = str(Path(sys.executable).parent)  # where pip put the `speller` script of this Python
ENV = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
NVIM = shutil.which("nvim")
EMACS = shutil.which("emacs")


def _editors_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Editors (`speller lsp`)")
    return text[start : text.index("\n## ", start)]


def snippet(language: str, holding: str) -> str:
    """The one fenced block of `language` in the README's editor section that holds `holding`."""
    blocks = re.findall(rf"^```{language}\n(.*?)^```", _editors_section(), re.S | re.M)
    [block] = [b for b in blocks if holding in b]
    return block


def answers_initialize(argv: list[str], tmp_path: Path) -> dict:
    """Start `argv` as an editor would and return its initialize result (bounded waits)."""
    assert shutil.which(argv[0], path=ENV["PATH"]), f"{argv[0]} is not on PATH"
    proc = subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=tmp_path, env=ENV
    )
    session = (
        encode(
            {
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}},
            }
        )
        + encode({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        + encode({"jsonrpc": "2.0", "method": "exit"})
    )
    try:
        out, _ = proc.communicate(session, timeout=WAIT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=WAIT)
    framer = Framer()
    framer.feed(out)
    [reply] = [m for m in framer.messages() if m.get("id") == 1]
    assert proc.returncode == 0
    return reply["result"]


# -- Neovim -------------------------------------------------------------------------------------

# Run after the file is loaded: wait for diagnostics, ask for code actions there, write both out.
_DRIVER = r"""
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = { diagnostics = {}, actions = {} }
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message,
                                  source = d.source })
end
if ok then
  local d = vim.diagnostic.get(0)[1]
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) },
    range = { start = { line = d.lnum, character = 0 }, ['end'] = { line = d.lnum, character = 200 } },
    context = { diagnostics = {} } }
  for _, r in pairs(vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}) do
    for _, a in ipairs(r.result or {}) do table.insert(out.actions, a.title) end
  end
end
local f = assert(io.open(os.getenv('SPELLER_OUT'), 'w'))
f:write(vim.fn.json_encode(out))
f:close()
vim.cmd('qa!')
"""


def _run_neovim(tmp_path: Path, init: str, driver: str, text: str) -> object:
    """Start Neovim headless with `init` as init.lua on `artikel.txt` holding `text` (in `tmp_path/project`, the
    working folder), run the Lua `driver` and return the JSON it writes to $SPELLER_OUT."""
    assert NVIM is not None, "nvim is not installed: the README's test command installs it (bash .ci/system-packages)"
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "init.lua").write_text(init, encoding="utf-8")
    (tmp_path / "driver.lua").write_text(driver, encoding="utf-8")
    (project / "artikel.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    env = {
        **ENV,
        "SPELLER_OUT": str(out),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    subprocess.run(
        [
            NVIM,
            "--headless",
            "-n",
            "-i",
            "NONE",
            "-u",
            str(tmp_path / "init.lua"),
            "artikel.txt",
            "-c",
            f"luafile {tmp_path / 'driver.lua'}",
        ],
        cwd=project,
        env=env,
        timeout=WAIT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def test_neovim_07_snippet_shows_diagnostics_and_quick_fixes(tmp_path: Path):
    line = "Judul “baru”: kami terbang di luar angksa."
    result = _run_neovim(tmp_path, snippet("lua", "start_client"), _DRIVER, line + "\n")
    assert isinstance(result, dict)
    [d] = result["diagnostics"]
    start = len(line[: line.index("angksa")].encode("utf-8"))  # Neovim counts bytes; the server sent UTF-16
    assert (d["lnum"], d["col"], d["end_col"]) == (0, start, start + len("angksa"))
    assert d["source"] == "speller" and "angkasa" in d["message"]
    assert result["actions"][0] == "Replace with 'angkasa'"
    assert result["actions"][-1] == "Add 'angksa' to project dictionary"


# Wait for diagnostics and write their messages and severities (1 error ... 4 hint).
_SEVERITY_DRIVER = r"""
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(out, { message = d.message, severity = d.severity }) end
local f = assert(io.open(os.getenv('SPELLER_OUT'), 'w'))
f:write(vim.fn.json_encode(out))
f:close()
vim.cmd('qa!')
"""


def test_neovim_passes_picky_as_the_readme_says(tmp_path: Path):
    """The README's Neovim 0.7 snippet with the editor setting `picky` as the README's settings paragraph writes it
    (`init_options`: Neovim 0.7's own client sends no `settings`): the slip the model flags under half sure is shown,
    as Information."""
    init = snippet("lua", "start_client")
    given = "init_options = { speller = { picky = true } }"
    assert f"`{given}`" in _editors_section()
    extra = f"root_dir = vim.fn.getcwd(), {given},"
    assert init.count("root_dir = vim.fn.getcwd(),") == 1
    init = init.replace("root_dir = vim.fn.getcwd(),", extra)
    found = _run_neovim(tmp_path, init, _SEVERITY_DRIVER, "Anak dapat berfikit dengan jernih.\n")
    assert isinstance(found, list)
    [d] = found
    assert d["message"].startswith("'berfikit' may be misspelled") and d["message"].endswith("% sure)")
    assert d["severity"] == 3  # vim.diagnostic.severity.INFO


def test_neovim_011_snippet_is_valid_lua(tmp_path: Path):
    """Neovim 0.11 is not packaged here: the snippet must at least compile, and name the command."""
    assert NVIM is not None, "nvim is not installed: the README's test command installs it (bash .ci/system-packages)"
    lua = snippet("lua", "vim.lsp.config")
    assert "cmd = { 'speller', 'lsp' }" in lua
    path = tmp_path / "new.lua"
    path.write_text(lua, encoding="utf-8")
    check = f"lua local f, e = loadfile('{path}'); if not f then io.stderr:write(e); vim.cmd('cquit 3') end"
    done = subprocess.run(
        [NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-c", check, "-c", "qa!"],
        env=ENV,
        timeout=WAIT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


# -- Helix, Emacs, VS Code --------------------------------------------------------------------------


def test_helix_languages_toml(tmp_path: Path):
    config = tomllib.loads(snippet("toml", "language-server.speller"))
    server = config["language-server"]["speller"]
    [markdown] = [lang for lang in config["language"] if lang["name"] == "markdown"]
    assert "speller" in markdown["language-servers"]
    assert answers_initialize([server["command"], *server["args"]], tmp_path)["serverInfo"]["name"] == "speller"


# Batch Emacs has no command loop: run `post-command-hook` (where eglot-ensure connects and
# flymake starts) as the loop would, until diagnostics show or 30 s pass.
_EMACS_DRIVER = r"""
(package-initialize)
(load (getenv "SPELLER_SNIPPET"))
(find-file (expand-file-name "artikel.txt"))
(let ((deadline (+ (float-time) 30)) found)
  (while (and (not found) (< (float-time) deadline))
    (run-hooks 'post-command-hook)
    (accept-process-output nil 0.1)
    (setq found (and (bound-and-true-p flymake-mode) (flymake-diagnostics))))
  (with-temp-file (getenv "SPELLER_OUT")
    (insert (json-encode
             (vconcat (mapcar (lambda (d) (list (cons 'beg (1- (flymake-diagnostic-beg d)))
                                                (cons 'end (1- (flymake-diagnostic-end d)))
                                                (cons 'text (flymake-diagnostic-text d))))
                              found))))))
(kill-emacs 0)
"""


def _has_eglot() -> bool:
    check = "(progn (package-initialize) (kill-emacs (if (require 'eglot nil t) 0 1)))"
    return (
        EMACS is not None
        and subprocess.run(
            [EMACS, "--batch", "--eval", check], capture_output=True, timeout=WAIT, check=False
        ).returncode
        == 0
    )


def test_emacs_eglot_snippet_shows_diagnostics(tmp_path: Path):
    assert _has_eglot(), "emacs with eglot is not installed: the README's test command installs it"
    assert EMACS is not None
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "snippet.el").write_text(snippet("elisp", "eglot-server-programs"), encoding="utf-8")
    (tmp_path / "driver.el").write_text(_EMACS_DRIVER, encoding="utf-8")
    line = "Judul “baru”: kami terbang di luar angksa."
    (project / "artikel.txt").write_text(line + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    env = {**ENV, "HOME": str(tmp_path), "SPELLER_SNIPPET": str(tmp_path / "snippet.el"), "SPELLER_OUT": str(out)}
    subprocess.run(
        [EMACS, "--batch", "-l", str(tmp_path / "driver.el")],
        cwd=project,
        env=env,
        timeout=WAIT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
    )
    [d] = json.loads(out.read_text(encoding="utf-8"))
    start = line.index("angksa")  # Emacs counts characters; the server sent UTF-16
    assert (d["beg"], d["end"]) == (start, start + len("angksa"))
    assert "angkasa" in d["text"] and "speller" in d["text"]


def test_emacs_eglot_snippet(tmp_path: Path):
    elisp = snippet("elisp", "eglot-server-programs")
    depth = 0
    for c in re.sub(r'"[^"]*"', "", elisp):  # parentheses balance outside strings
        depth += {"(": 1, ")": -1}.get(c, 0)
        assert depth >= 0
    assert depth == 0
    [program] = re.findall(r'\. \(((?:"[^"]*" ?)+)\)\)\)', elisp)
    assert answers_initialize(re.findall(r'"([^"]*)"', program), tmp_path)["serverInfo"]["name"] == "speller"


def test_vscode_generic_client_settings(tmp_path: Path):
    settings = json.loads(snippet("json", "glspc.server.command"))
    argv = [settings["glspc.server.command"], *settings["glspc.server.commandArguments"]]
    assert answers_initialize(argv, tmp_path)["serverInfo"]["name"] == "speller"


def test_vscode_extension_snippet(tmp_path: Path):
    js = snippet("js", "vscode-languageclient/node")
    [(command, args)] = re.findall(r'\{ command: "([^"]+)", args: (\[[^\]]*\]) \}', js)
    assert answers_initialize([command, *json.loads(args)], tmp_path)["serverInfo"]["name"] == "speller"
    node = shutil.which("node")
    if node is not None:  # syntax only: running it needs VS Code
        (tmp_path / "extension.js").write_text(js, encoding="utf-8")
        done = subprocess.run(
            [node, "--check", str(tmp_path / "extension.js")], timeout=WAIT, capture_output=True, check=False
        )
        assert done.returncode == 0, done.stderr
