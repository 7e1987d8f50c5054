#!/usr/bin/env python3
"""Minimal HPROF reader: prints reference paths from GC roots to instances whose class name contains a string.

Usage: python3 scripts/hprof-paths.py heap.hprof ParallelWebappClassLoader
(dump with: jcmd <pid> GC.heap_dump /tmp/heap.hprof). Weak/soft referents are not followed. Used to find
what keeps an undeployed web application's class loader alive — e.g. the agent's type cache did (fixed with weak class file locators)."""
import sys, struct, collections
path, needle = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
p = data.index(b'\0') + 1
idsize = struct.unpack('>I', data[p:p+4])[0]; p += 12
fmt_id = '>Q' if idsize == 8 else '>I'
def rid(o): return struct.unpack(fmt_id, data[o:o+idsize])[0]
strings = {}; class_name = {}  # class obj id -> name
class_info = {}  # id -> (super, [(name_id,type)], statics [(name,value)])
refs = collections.defaultdict(list)  # target -> [(source, label)]
instances = {}  # id -> class id
roots = {}
tsize = {2: idsize, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
pending_instances = []
while p < len(data):
    tag = data[p]; length = struct.unpack('>I', data[p+5:p+9])[0]; body = p + 9; end = body + length
    if tag == 0x01:
        strings[rid(body)] = data[body+idsize:end].decode('utf-8', 'replace')
    elif tag == 0x02:
        class_name[rid(body+4)] = strings.get(rid(body+8+idsize), '?')
    elif tag in (0x0c, 0x1c):
        q = body
        while q < end:
            st = data[q]; q += 1
            if st == 0xff: roots[rid(q)] = 'unknown'; q += idsize
            elif st == 0x01: roots[rid(q)] = 'jni-global'; q += 2*idsize
            elif st in (0x02, 0x03): roots[rid(q)] = 'jni-local/java-frame'; q += idsize + 8
            elif st == 0x04: roots[rid(q)] = 'native-stack'; q += idsize + 4
            elif st == 0x05: roots[rid(q)] = 'sticky-class'; q += idsize
            elif st == 0x06: roots[rid(q)] = 'thread-block'; q += idsize + 4
            elif st == 0x07: roots[rid(q)] = 'monitor'; q += idsize
            elif st == 0x08: roots[rid(q)] = 'thread-object'; q += idsize + 8
            elif st == 0x20:
                cid = rid(q); q += idsize + 4; sup = rid(q); q += idsize
                loader = rid(q); q += idsize * 5 + 4
                if loader: refs[loader].append((cid, '<loader>'))
                n = struct.unpack('>H', data[q:q+2])[0]; q += 2
                for _ in range(n):
                    q += 2; t = data[q]; q += 1 + tsize[t]
                n = struct.unpack('>H', data[q:q+2])[0]; q += 2; statics = []
                for _ in range(n):
                    nm = rid(q); q += idsize; t = data[q]; q += 1
                    if t == 2:
                        v = rid(q)
                        if v: refs[v].append((cid, 'static ' + strings.get(nm, '?')))
                    q += tsize[t]
                n = struct.unpack('>H', data[q:q+2])[0]; q += 2; fields = []
                for _ in range(n):
                    fields.append((rid(q), data[q+idsize])); q += idsize + 1
                class_info[cid] = (sup, fields)
                if sup: refs[sup].append((cid, '<super>'))
            elif st == 0x21:
                oid = rid(q); q += idsize + 4; cid = rid(q); q += idsize
                n = struct.unpack('>I', data[q:q+4])[0]; q += 4
                instances[oid] = cid; pending_instances.append((oid, cid, q, n)); q += n
            elif st == 0x22:
                oid = rid(q); q += idsize + 4; n = struct.unpack('>I', data[q:q+4])[0]; q += 4
                cid = rid(q); q += idsize; instances[oid] = cid
                for i in range(n):
                    v = rid(q + i*idsize)
                    if v: refs[v].append((oid, '[%d]' % i))
                q += n * idsize
            elif st == 0x23:
                oid = rid(q); q += idsize + 4; n = struct.unpack('>I', data[q:q+4])[0]; t = data[q+4]; q += 5 + n * tsize[t]
            else:
                raise SystemExit('unknown subtag %x' % st)
    p = end
for oid, cid, q, n in pending_instances:
    c = cid
    while c:
        sup, fields = class_info.get(c, (0, []))
        for nm, t in fields:
            if t == 2:
                v = rid(q)
                if v: refs[v].append((oid, strings.get(nm, '?')))
            q += tsize[t]
        c = sup
def name(o):
    if o in class_name: return 'class ' + class_name[o]
    return class_name.get(instances.get(o), '?') + '@' + hex(o)
targets = [o for o, c in instances.items() if needle in class_name.get(c, '')]
print('targets:', [name(t) for t in targets])
for t in targets:
    # BFS from target backwards to a root, avoiding weak/soft referent fields
    prev = {t: None}; dq = collections.deque([t]); found = []
    while dq and len(found) < 8:
        o = dq.popleft()
        if o in roots:
            found.append(o); continue
        for src, label in refs.get(o, []):
            if label == 'referent' or src in prev: continue
            prev[src] = (o, label); dq.append(src)
    for r in found:
        chain = []; o = r
        while prev[o] is not None:
            nxt, label = prev[o]; chain.append('%s --%s-->' % (name(o), label)); o = nxt
        print('ROOT', roots[r]); print('\n   '.join(chain)); print('   ', name(t)); print()
