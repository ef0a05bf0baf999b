#!/usr/bin/env python3
"""Generates expected.json from cases.json by running each case in the real programs.

Each case runs in a fresh interactive GNU bash (`bash --norc --noprofile --noediting -i`, so the
messages are the interactive ones the terminal shows) in an empty temporary directory that stands
for /root. The expected output is what bash printed (stdout and stderr in order) and its final
status. Run it on a Debian/Ubuntu machine with bash 5.2, coreutils 9, grep 3, sed 4, mawk:

    python3 sim/shell/__golden__/generate.py
"""
import json, os, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
NOISE = ('bash: cannot set terminal process group', 'bash: no job control in this shell')


def run(script: str) -> dict:
    with tempfile.TemporaryDirectory() as d:
        env = {'HOME': d, 'PATH': '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG': 'C.UTF-8', 'TERM': 'dumb', 'PS1': '', 'PS2': ''}
        p = subprocess.run(['bash', '--norc', '--noprofile', '--noediting', '-i'], input=script.encode() + b'\n', cwd=d, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        out = p.stdout.decode('utf-8', 'surrogateescape')
        lines = [l for l in out.split('\n') if not l.startswith(NOISE)]
        out = '\n'.join(lines)
        # Interactive bash says `exit` when stdin ends.
        if out.endswith('exit\n'):
            out = out[: -len('exit\n')]
        return {'output': out.replace(d, '/root'), 'status': p.returncode}


def main() -> None:
    cases = json.load(open(os.path.join(HERE, 'cases.json')))
    versions = {
        'bash': subprocess.run(['bash', '--version'], capture_output=True, text=True).stdout.split('\n')[0],
        'coreutils': subprocess.run(['ls', '--version'], capture_output=True, text=True).stdout.split('\n')[0],
        'grep': subprocess.run(['grep', '--version'], capture_output=True, text=True).stdout.split('\n')[0],
        'sed': subprocess.run(['sed', '--version'], capture_output=True, text=True).stdout.split('\n')[0],
    }
    expected = {c['name']: run(c['script']) for c in cases}
    with open(os.path.join(HERE, 'expected.json'), 'w') as f:
        json.dump({'generatedWith': versions, 'cases': expected}, f, indent=1, ensure_ascii=False)
        f.write('\n')


main()
