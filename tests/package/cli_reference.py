#!/usr/bin/env python3
"""The man pages and the bash completion against the CLI's reference.

usage: cli_reference.py CLI_EXE CLI_MD MAN_DIR COMPLETION

- every command `playlist-bridge-cli --help` lists, and every option of docs/cli.md's synopsis,
  is in playlist-bridge-cli(1) and is offered by the completion after its command;
- man(1) renders both pages without a warning;
- the completion completes commands, sub-commands, option values and files.
"""
import os
import re
import subprocess
import sys
import tempfile

cli, cli_md, man_dir, completion = (os.path.abspath(a) for a in sys.argv[1:5])
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def complete(*words):
    """COMPREPLY of the completion for `playlist-bridge-cli WORDS...` (the last one is completed)."""
    script = (
        f'source "{completion}"\n'
        'COMP_WORDS=(playlist-bridge-cli "$@"); COMP_CWORD=$(($# ))\n'
        "COMPREPLY=(); _playlist_bridge_cli\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    out = subprocess.run(["bash", "-c", script, "complete", *words], capture_output=True, text=True,
                         check=True, cwd=os.environ.get("PB_COMPLETION_CWD"))
    return [w for w in out.stdout.splitlines() if w]


# Commands from the program itself.
help_text = subprocess.run([cli, "--help"], capture_output=True, text=True, check=True).stdout
commands = re.findall(r"^  ([a-z][a-z-]+) {2,}", help_text.split("Commands:", 1)[1], re.M)
check(len(commands) >= 6, f"--help lists only {commands}")

def strip_leading_groups(text):
    """Drops the global options' "[...]" groups (nested brackets too) and "..." before a command."""
    while True:
        text = text.lstrip()
        if text.startswith("..."):
            text = text[3:]
        elif text.startswith("["):
            depth = 0
            for i, c in enumerate(text):
                depth += {"[": 1, "]": -1}.get(c, 0)
                if depth == 0:
                    text = text[i + 1:]
                    break
        else:
            return text


# Options per command from docs/cli.md's synopsis (the first code block).
synopsis = re.search(r"```\n(.*?)```", open(cli_md, encoding="utf-8").read(), re.S).group(1)
entries = []  # (command words, options)
for line in synopsis.splitlines():
    if line.startswith("playlist-bridge-cli "):
        rest = line[len("playlist-bridge-cli "):]
        rest = strip_leading_groups(rest)
        words = re.findall(r"^([a-z][a-z-]+)(?: (spotify|plex)\b)?", rest)
        if not words:
            continue
        entries.append(([w for w in words[0] if w], set()))
        line = rest
    if entries:
        entries[-1][1].update(re.findall(r"--[a-z][a-z-]*", line))
globals_ = set(re.findall(r"--[a-z][a-z-]*", help_text.split("Commands:", 1)[0])) - {"--help", "--version"}
check(len(entries) >= 8, f"docs/cli.md's synopsis gave only {entries}")

man_cli = open(os.path.join(man_dir, "playlist-bridge-cli.1"), encoding="utf-8").read()
man_text = man_cli.replace("\\-", "-")
comp_text = open(completion, encoding="utf-8").read()
for command in commands:
    check(re.search(rf"^\.SS \"?{re.escape(command)}\b", man_text, re.M), f"man page has no section for '{command}'")
    check(command in complete(command[:2]), f"completion does not complete '{command[:2]}' to '{command}'")
for option in globals_ | {o for _, opts in entries for o in opts}:
    check(re.search(rf"^\.(TP|B|BI|BR|RB)\b.*{re.escape(option)}\b", man_text, re.M) or
          re.search(rf"^\.TP\n\.[BRI]+ .*{re.escape(option)}\b", man_text, re.M),
          f"man page does not describe {option}")
    check(option in comp_text, f"completion does not know {option}")
for words, options in entries:
    offered = complete(*words, "--")
    for option in options - {"--url"} if words == ["login", "plex"] else options:
        check(option in offered, f"completion after '{' '.join(words)} --' lacks {option} (got {offered})")
    if words == ["login", "plex"]:
        check("--url" in offered, "completion after 'login plex --' lacks --url")
for option in globals_:
    for words in (["sync"], ["playlists"], ["status"], []):
        offered = complete(*words, "--")
        check(any(o.startswith(option) for o in offered), f"completion after '{' '.join(words)} --' lacks {option}")

# Behaviour of the completion beyond the option lists.
check(complete("") == sorted(complete("")) or set(commands) <= set(complete("")), "no commands offered first")
check(set(commands) <= set(complete("")), f"first word offers {complete('')}")
check(complete("--demo", "sync", "--dr") == ["--dry-run"], "'--demo sync --dr'")
check(complete("--db", "/tmp/state.sqlite", "sync", "--st") == ["--strict"], "an option's value is not taken for the command")
check(complete("login", "") == ["spotify", "plex", "--help"], f"login offers {complete('login', '')}")
check(sorted(complete("login", "plex", "--tok")) == ["--token", "--token-stdin"], "login plex --tok")
check(complete("match-eval", "--baseline", "") == ["soulsync", "spotify-to-plex", "none"], "--baseline values")
check(complete("logout", "") == ["spotify", "plex", "all"], "logout targets")
check(complete("logout", "plex", "") == [], "logout takes one target")
check(complete("sync", "--section", "") == [], "--section wants a key, not an option")
with tempfile.TemporaryDirectory() as d:
    open(os.path.join(d, "faults.json"), "w").close()
    open(os.path.join(d, "world.json"), "w").close()
    os.environ["PB_COMPLETION_CWD"] = d
    check(complete("--faults", "fa") == ["faults.json"], "--faults completes a file")
    check(complete("--demo=wo") == ["--demo=world.json"], "--demo= completes a fixture file")
    del os.environ["PB_COMPLETION_CWD"]

# man(1) renders both pages without a warning (the check lintian also runs).
for page in ("playlist-bridge.1", "playlist-bridge-cli.1"):
    path = os.path.join(man_dir, page)
    env = dict(os.environ, LC_ALL="C.UTF-8", MANROFFSEQ="", MANWIDTH="80")
    r = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", path], env=env,
                       capture_output=True, text=True)
    check(r.returncode == 0 and not r.stderr.strip(), f"man --warnings {page}: {r.stderr.strip()}")

if failures:
    print("\n".join("FAIL: " + f for f in failures), file=sys.stderr)
    sys.exit(1)
print(f"{len(commands)} commands and {len(globals_ | {o for _, opts in entries for o in opts})} options "
      "in the man page and the completion; both pages render without a warning")
