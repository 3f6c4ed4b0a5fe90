import sys, struct, zlib, os
def u32(b,o): return struct.unpack('>I',b[o:o+4])[0]
def u16(b,o): return struct.unpack('>H',b[o:o+2])[0]
def extract(path, out):
    b=open(path,'rb').read()
    assert b[:4]==b'qres', path
    ver=u32(b,4); tree=u32(b,8); data=u32(b,12); names=u32(b,16)
    node_size = 22 if ver>=2 else 14
    def name(off):
        o=names+off; n=u16(b,o); return b[o+6:o+6+2*n].decode('utf-16-be')
    def walk(i, prefix):
        o=tree+i*node_size
        noff=u32(b,o); flags=u16(b,o+4)
        nm = name(noff) if i else ''
        p=os.path.join(prefix,nm)
        if flags & 2:
            cnt=u32(b,o+6); first=u32(b,o+10)
            for c in range(first, first+cnt): walk(c,p)
        else:
            doff=u32(b,o+10); sz=u32(b,data+doff); d=b[data+doff+4:data+doff+4+sz]
            if flags & 1: d=zlib.decompress(d[4:])
            elif flags & 4:
                import zstandard; d=zstandard.ZstdDecompressor().decompress(d)
            os.makedirs(os.path.dirname(os.path.join(out,p)),exist_ok=True)
            open(os.path.join(out,p),'wb').write(d)
    walk(0,'')
for f in sys.argv[2:]:
    try: extract(f, os.path.join(sys.argv[1], os.path.basename(f)[:-4]))
    except Exception as e: print('fail',f,e)
