#!/usr/bin/env python3
"""Lists catalog fields (crates/sovcheck-text/src/catalog.rs) that no code reads.

A field counts as read when `.group.field` appears in any .rs file outside the catalog
files, or when the text crate reads `self.group.field` / `e.field` style in its own
modules, or through a short name bound to the group (`let qt = &t.questionnaire;`). Run from the repository root: python3 scripts/dev/unused_texts.py
"""
import glob, re, sys
cat = open('crates/sovcheck-text/src/catalog.rs').read()
groups = {}
cur = None
for line in cat.splitlines():
    m = re.match(r'\s{4}(\w+): (\w+) \{', line)
    if m:
        cur = m.group(1); groups[cur] = []; continue
    m = re.match(r'\s{8}(\w+): ', line)
    if m and cur:
        groups[cur].append(m.group(1))
code = ''
for f in glob.glob('src/**/*.rs', recursive=True) + glob.glob('crates/**/src/**/*.rs', recursive=True):
    if re.search(r'sovcheck-text/src/(catalog|en|fr|de)\.rs$', f):
        continue
    code += re.sub(r'\s*\.\s*', '.', open(f).read())
# A group bound to a short name (`let qt = &t.questionnaire;`) is read through that name.
aliases = {}
for name, g in re.findall(r'let (\w+) = &(?:self|t|texts\([^)]*\))\.(\w+);', code):
    aliases.setdefault(g, set()).add(name)
unused = []
for g, fields in groups.items():
    for f in fields:
        via = '|'.join(sorted(aliases.get(g, ())))
        if not re.search(rf'\.{g}\.{f}\b', code) and not re.search(rf'\b(e|t|c)\.{f}\b', code if g in ('errors','hints','cli','typo') else '') \
                and not (via and re.search(rf'\b({via})\.{f}\b', code)):
            unused.append(f'{g}.{f}')
print('\n'.join(unused))
sys.exit(1 if unused else 0)
