#!/usr/bin/env python3
"""Checks that every relative Markdown link of the repository's .md files names an existing file
and, for '#fragment' links to a .md file, a heading of that file (GitHub's anchor rules, simplified).
Usage: scripts/check-doc-links.py   (exit status 1 when a link is broken)"""
import glob
import os
import re
import sys

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))


def anchors(path):
    found = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'#+\s+(.*)', line)
            if m:
                title = re.sub(r'[^\w\- ]', '', m.group(1).strip().lower())
                found.add(title.replace(' ', '-'))
    return found


broken = 0
files = [f for f in glob.glob(os.path.join(root, '**', '*.md'), recursive=True)
         if '/target/' not in f and '/node_modules/' not in f]
for f in files:
    with open(f, encoding='utf-8') as src:
        text = re.sub(r'```.*?```', '', src.read(), flags=re.S)
    for m in re.finditer(r'\]\(([^)\s]+)\)', text):
        link = m.group(1)
        if re.match(r'[a-z]+:', link):
            continue
        path, _, fragment = link.partition('#')
        target = os.path.normpath(os.path.join(os.path.dirname(f), path)) if path else f
        where = os.path.relpath(f, root)
        if not os.path.exists(target):
            print(f'{where}: {link}: no such file')
            broken += 1
        elif fragment and target.endswith('.md') and fragment not in anchors(target):
            print(f'{where}: {link}: no such heading')
            broken += 1
print(f'{len(files)} files checked, {broken} broken links')
sys.exit(1 if broken else 0)
