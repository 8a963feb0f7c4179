#!/usr/bin/python3
"""Check that po/POTFILES.in and a translation are complete.

Usage: check-translation.py SOURCE_ROOT LANG [--xgettext PATH]
       [--msgmerge PATH] [--msgfmt PATH]

The check fails when
- a source file with translatable strings is missing from POTFILES.in,
  or POTFILES.in lists a file that does not exist;
- a _() call splices a macro such as G_GUINT64_FORMAT into its string,
  which xgettext cannot expand (use %llu and a cast instead);
- xgettext fails on the sources;
- po/LANG.po, merged with a template freshly extracted from the sources,
  has untranslated or fuzzy messages, or messages the sources no longer
  contain;
- msgfmt --check rejects the translation (format specifiers, plurals);
- a French translation puts an ordinary space, or none, before « : ; ! ? »
  where French typography wants a non-breaking one.

Run po/meson.build's palier-update-po target to refresh po/LANG.po.
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

# The keywords and flags of meson's i18n "glib" preset (meson 1.0), so
# that this check extracts exactly what palier-pot extracts.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

C_SOURCE_GLOBS = ['src/core/*.c', 'src/cli/*.c', 'src/app/*.c']
UI_GLOB = 'ui/*.ui'
DATA_GLOBS = [
    'data/app/*.desktop.in',
    'data/app/*.metainfo.xml.in',
    'data/app/*.gschema.xml',
]

# A call of a gettext marker.  ngettext is not in the glib preset, but
# xgettext extracts it with its default C keywords.
C_MARKER = re.compile(
    r'(?<![\w.>])(?:_|N_|C_|NC_|g_dcgettext|g_dngettext|g_dpgettext2|'
    r'ngettext)\s*\(')

# A string literal directly followed by a macro name, inside a marker call
# whose literals were replaced by "S".
STRING_LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"')
SPLICED_MACRO = re.compile(r'"S"\s*([A-Za-z_]\w*)')

def strip_c_comments(text):
    """Blank out comments so that markers quoted in them do not count."""
    return re.sub(r'/\*.*?\*/|//[^\n]*',
                  lambda m: re.sub(r'[^\n]', ' ', m.group(0)),
                  text, flags=re.S)


def marker_call_text(text, start):
    """Return the text of a marker call, from start to its closing paren."""
    depth = 0
    i = start
    in_string = False
    while i < len(text):
        c = text[i]
        if in_string:
            if c == '\\':
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
        i += 1
    return text[start:]


def scan_c_file(path):
    """Return (has_markers, list of spliced macro problems)."""
    with open(path, encoding='utf-8') as f:
        text = strip_c_comments(f.read())

    has_markers = False
    problems = []
    for match in C_MARKER.finditer(text):
        has_markers = True
        call = marker_call_text(text, match.end() - 1)
        spliced = SPLICED_MACRO.search(STRING_LITERAL.sub('"S"', call))
        if spliced:
            line = text.count('\n', 0, match.start()) + 1
            problems.append(f'{path}:{line}: macro {spliced.group(1)} inside '
                            'a translatable string; xgettext cannot expand '
                            'it, so write %llu and cast the argument')
    return has_markers, problems


def find_translatable_files(root):
    """List the files that need to be in POTFILES.in, and splice problems."""
    needed = set()
    problems = []

    for pattern in C_SOURCE_GLOBS:
        for path in glob.glob(pattern, root_dir=root):
            has_markers, file_problems = scan_c_file(os.path.join(root, path))
            problems.extend(file_problems)
            if has_markers:
                needed.add(path)

    for path in glob.glob(UI_GLOB, root_dir=root):
        with open(os.path.join(root, path), encoding='utf-8') as f:
            if 'translatable="yes"' in f.read():
                needed.add(path)

    for pattern in DATA_GLOBS:
        needed.update(glob.glob(pattern, root_dir=root))

    return needed, problems


def read_potfiles(root):
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [line.strip() for line in f
                if line.strip() and not line.startswith('#')]


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def read_po_entries(path):
    """Parse a .po file into a list of (flags, msgid, msgstrs, obsolete)."""
    entries = []
    flags = ''
    fields = {}
    current = None
    obsolete = False

    def flush():
        nonlocal flags, fields, current, obsolete
        if 'msgid' in fields:
            strs = [v for k, v in sorted(fields.items())
                    if k.startswith('msgstr')]
            entries.append((flags, fields['msgid'], strs, obsolete))
        flags, fields, current, obsolete = '', {}, None, False

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if line.startswith('#~'):
                obsolete = True
                line = line[2:].lstrip()
                if not line:
                    continue
            if not line.strip():
                flush()
                continue
            if line.startswith('#,'):
                flags = line
                continue
            if line.startswith('#'):
                continue
            keyword = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if keyword:
                if keyword.group(1) == 'msgid' and 'msgid' in fields:
                    flush()
                current = keyword.group(1)
                fields[current] = eval_c_string(keyword.group(2))
            elif line.startswith('"') and current:
                fields[current] += eval_c_string(line)
    flush()
    return entries


def eval_c_string(literal):
    body = literal.strip()[1:-1]
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), body)


def french_typography_problem(msgstr):
    """Return what breaks French typography in msgstr, or None."""
    for match in re.finditer(r'[:;!?]', msgstr):
        after = msgstr[match.end():match.end() + 1]
        if after and not after.isspace() and after not in '»)':
            continue  # inside a token: "%s:%llu", "https://", "a;b"
        if msgstr[match.end():match.end() + 2] in ('\u00a0»', '\u202f»'):
            continue  # the end of quoted code: « &amp; », « %s: »

        token = re.search(r'\S*$', msgstr[:match.start()]).group(0)
        if match.group(0) in token:
            continue  # a prefix such as "%s:%llu: ", a list such as "a;b;"

        if msgstr[match.start() - 1:match.start()] not in ('\u00a0', '\u202f') \
                and msgstr[match.start() - 1:match.start()] not in ':;!?':
            return f'no non-breaking space before “{match.group(0)}”'

    if re.search('«[^\u00a0\u202f]|[^\u00a0\u202f]»', msgstr):
        return 'no non-breaking space inside « »'
    if re.search('[“”]', msgstr):
        return 'English quotes “ ” where French uses « »'
    if '...' in msgstr:
        return 'three dots where French uses “…”'
    return None


def check_french_typography(entries):
    problems = []
    for _flags, msgid, msgstrs, _obsolete in entries:
        for msgstr in msgstrs:
            problem = french_typography_problem(msgstr)
            if problem:
                problems.append(f'French typography: {problem} in '
                                f'“{msgstr.strip()[:70]}”')
                break
    return problems


def check_translation(args, root, potfiles):
    problems = []
    po_path = os.path.join(root, 'po', args.lang + '.po')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'template.pot')
        listing = os.path.join(tmp, 'POTFILES')
        with open(listing, 'w', encoding='utf-8') as f:
            f.write('\n'.join(potfiles) + '\n')

        result = run([args.xgettext, *XGETTEXT_ARGS, '--package-name=palier',
                      f'--files-from={listing}', f'--output={pot}'], cwd=root)
        if result.returncode != 0:
            return [f'xgettext failed:\n{result.stderr}']
        if result.stderr.strip():
            print(result.stderr, file=sys.stderr)

        own = run([args.msgfmt, '--check', '--statistics', '-o', os.devnull, po_path])
        print(f'{args.lang}.po: {own.stderr.strip()}')
        if own.returncode != 0:
            problems.append(f'msgfmt --check rejects {po_path}:\n{own.stderr}')

        merged = os.path.join(tmp, args.lang + '.po')
        result = run([args.msgmerge, '--quiet', '--output-file', merged, po_path, pot])
        if result.returncode != 0:
            return problems + [f'msgmerge failed:\n{result.stderr}']

        stats = run([args.msgfmt, '--check', '--statistics', '-o', os.devnull, merged])
        print(f'against the sources: {stats.stderr.strip()}')
        if stats.returncode != 0:
            problems.append(f'msgfmt --check rejects the merged translation:\n{stats.stderr}')

        entries = read_po_entries(merged)

    live = [e for e in entries if not e[3] and e[1]]
    untranslated = [e[1] for e in live if not all(e[2])]
    fuzzy = [e[1] for e in live if 'fuzzy' in e[0]]
    stale = [e[1] for e in entries if e[3]]
    for label, msgids, action in (
            ('untranslated', untranslated, 'translate them'),
            ('fuzzy', fuzzy, 'review them and remove the fuzzy flag'),
            ('no longer in the sources', stale, 'delete the obsolete #~ entries')):
        if msgids:
            problems.append(f'{len(msgids)} message(s) {label} in {args.lang}.po, '
                            f'for example “{msgids[0][:70]}”; run '
                            f'"meson compile -C build palier-update-po", then {action}')

    if args.lang == 'fr':
        problems.extend(check_french_typography(live))

    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('source_root')
    parser.add_argument('lang')
    parser.add_argument('--xgettext', default='xgettext')
    parser.add_argument('--msgmerge', default='msgmerge')
    parser.add_argument('--msgfmt', default='msgfmt')
    args = parser.parse_args()
    root = args.source_root

    needed, problems = find_translatable_files(root)
    potfiles = read_potfiles(root)

    for path in sorted(needed - set(potfiles)):
        problems.append(f'{path} has translatable strings but is missing '
                        'from po/POTFILES.in')
    for path in potfiles:
        if not os.path.exists(os.path.join(root, path)):
            problems.append(f'po/POTFILES.in lists {path}, which does not exist')

    if not any('macro' in p for p in problems):
        problems.extend(check_translation(args, root, potfiles))

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
