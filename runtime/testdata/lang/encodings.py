# str.encode, bytes.decode and ascii() with the codecs utf-8, ascii and
# latin-1, and the repr of bytes.
b = "abc".encode()
print(b, type(b).__name__, len(b), b[0], b[-1], b == b"abc")
print("héllo wörld".encode(), "中文".encode("utf-8"), "€".encode("UTF8"))
print("é".encode("latin-1"), "é".encode("iso-8859-1"), "abc".encode("ascii"))
print("aé中b".encode("ascii", "ignore"), "aé中b".encode("ascii", "replace"), "aéb".encode("latin_1"))
print(b"abc".decode(), "héllo".encode().decode("utf-8"), b"\xe9t\xe9".decode("latin-1"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"\xe4\xb8".decode("utf-8", "replace"))
print(b"a\xe4\xb8b".decode(errors="replace"), b"\xf0\x9f\x98\x80".decode(), "😀".encode())
print([b"x", b"it's", b'say "hi"', b"both ' and \"", b"\x00\t\n\r\\\x7f\x80"])
print(repr(b"q"), str(b"q"), f"{b'q'}", "%s %r" % (b"s", b"r"))
print(ascii("é"), ascii("abc"), ascii(["中", "ß", "😀"]), ascii(b"\xff"), ascii(1.5))
m = "x".encode
print(m())
---
print("é".encode("ascii")) ### UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)
---
print("aé中".encode("ascii")) ### UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)
---
print("中".encode("latin-1")) ### UnicodeEncodeError: 'latin-1' codec can't encode character '\u4e2d' in position 0: ordinal not in range(256)
---
print(b"a\xff".decode()) ### UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte
---
print(b"\xe4\x41".decode()) ### UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe4 in position 0: invalid continuation byte
---
print(b"\xe4\xb8".decode()) ### UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data
---
print(b"\xe4\xb8\x41".decode()) ### UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte
---
print(b"\xed\xa0\x80".decode()) ### UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte
---
print(b"ok\x80".decode("ascii")) ### UnicodeDecodeError: 'ascii' codec can't decode byte 0x80 in position 2: ordinal not in range(128)
---
print("x".encode("utf-9")) ### LookupError: unknown encoding: utf-9
---
print("é".encode("ascii", "oops")) ### LookupError: unknown error handler name 'oops'
---
print(b"abc"[3]) ### IndexError: index out of range
---
try:
    b"\xff".decode()
except UnicodeError as e:
    print(type(e).__name__, isinstance(e, ValueError))
