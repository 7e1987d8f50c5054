#!/usr/bin/env python3
"""Splits perf samples of one JIT-compiled method by the inlined methods they fall in.

A hit is compiled into one method (the woven repository method with the runtime inlined), so a
flat profile names only that method. This assigns each sample to the innermost inlined frame of
the nearest debug-info record before it in the compiled code (samples skid a little past the
instruction that cost them: read the split as approximate) and sums them by part of the hit.

  java -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+DebugNonSafepoints \\
      -XX:CompileCommand=print,benchapp.repo.BenchRepository::getValue \\
      -javaagent:AGENT.jar=config=CONFIG.yaml -cp memoguard-benchmarks.jar \\
      io.memoguard.bench.HitLoop > compiled.txt      # under: perf record -e cpu-clock -F 10000
  perf script -F ip > ips.txt
  scripts/hit-profile.py compiled.txt ips.txt
"""
import bisect
import collections
import re
import sys

PARTS = [
    ('thread-local read of the binding', ['ThreadLocal', 'RequestScope::binding', 'Reference::refersTo']),
    ('site lookup (ClassValue, last site)', ['ClassValue', 'Site::of', 'Site$Table']),
    ('argument kinds (Site.allValues)', ['Site::allValues']),
    ('probe fill, hash of the call', ['Probe::buffer', 'Probe::set', 'Key::hash', 'Arrays::hashCode',
                                      'String::hashCode', 'identityHashCode']),
    ('map lookup, key compare', ['ConcurrentHashMap', 'Probe::equals', 'Key::matches', 'Arrays::equals',
                                 'Objects::equals']),
    ('entry checks (live, epoch, needsCheck)', ['MemoTable::find', 'Snapshot::needsCheck']),
    ('recent slot (compare, live, epoch)', ['Recent::']),
    ('counting', ['Entry::served', 'Binding::probeHit', 'Binding::counted', 'Binding::addPending']),
    ('probe clear', ['Probe::clear']),
    ('request and mode checks', ['effectiveRequest', 'Verify::applies', 'Mode::ofCode', 'Binding::probe']),
    ('Memoizer.enter: its own field reads and increments', ['Memoizer::enter']),
    ('advice and boxing', ['::getValue', 'Integer::valueOf', 'Memoizer::missed', 'Memoizer::value']),
]


def main(compiled, ips_file, method='getValue'):
    lines = open(compiled).read().split('\n')
    start = [i for i, l in enumerate(lines) if l.startswith('Compiled method (c2)') and method in l][-1]
    section = []
    for line in lines[start + 1:]:
        if line.startswith('Compiled method'):
            break
        section.append(line)
    code = re.search(r'main code\s+\[(0x[0-9a-f]+),(0x[0-9a-f]+)\]', '\n'.join(section))
    lo, hi = int(code.group(1), 16), int(code.group(2), 16)
    records, current = [], None
    for line in section:
        m = re.match(r'\s+(0x[0-9a-f]+): ;', line)
        if m:
            current = [int(m.group(1), 16), []]
            records.append(current)
            continue
        m = re.match(r'\s+; - (.*)', line)
        if m and current is not None:
            current[1].append(m.group(1))
            continue
        current = None
    records = sorted(r for r in records if r[1])
    addresses = [r[0] for r in records]
    ips = [int(l.strip(), 16) for l in open(ips_file) if l.strip()]
    inside = [ip for ip in ips if lo <= ip < hi]
    counts = collections.Counter()
    for ip in inside:
        k = bisect.bisect_right(addresses, ip) - 1
        part = 'other'
        for frame in (records[k][1] if k >= 0 else []):
            part = next((name for name, keys in PARTS if any(x in frame for x in keys)), 'other')
            if part != 'other':
                break
        counts[part] += 1
    print(f'{len(inside)} samples in the compiled {method}')
    for part, n in counts.most_common():
        print(f'{100.0 * n / len(inside):5.1f}%  {part}')


if __name__ == '__main__':
    main(*sys.argv[1:])
