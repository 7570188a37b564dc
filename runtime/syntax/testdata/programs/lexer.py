# Integer literals in every base, with underscores, and beyond int64.
print(0, 00, 0_0, 42, 1_000_000)
print(0xff, 0XFF, 0x_dead_beef, 0o17, 0O7_7, 0b1010, 0B_1_0)
print(123456789012345678901234567890, 0xffffffffffffffffffff)
print(9223372036854775807, 9223372036854775808)
# Float literals.
print(1., .5, 1.5, 1e3, 1E-5, 1_000.5, 1.5e+2, 0.1e1_0 == 1e9, 2e-3)
print(1e400 > 1e308)
# String literals with each quote style and prefix.
print('single', "double", '''triple
single''', """triple "double" """)
print(r'raw\n', R"raw\t", u'unicode', U"also")
print(len(b'bytes'), len(B"\x00\xff"), len(rb'\x00'), len(Rb"\\"), len(bR'a\'b'))
print(b"\x41\101" == b"AA", b"\0\x00" == b"\x00\x00", b"\u00e9" == b"\\u00e9")
# Escapes.
print("tab[\t] newline-escape[\\n] quote[\"] apostrophe[\']")
print("\x41\101\u00e9\U0001F600" == "AAé😀", "\a\b\f\v\r" == "\x07\x08\x0c\x0b\x0d")
print("\x41\101\u00e9" == "AAé", "\0" == "\x00", "\777" == "\u01ff")
print("unknown \d \q escapes keep the backslash")
print("line \
continued")
print("é" == "\xe9")
# Adjacent literals are joined.
print("a" 'b' """c""", "x"
      "y")
print(b"ab" b'cd' == b"abcd")
# Comments and unusual identifiers.
x = 1  # trailing comment
_private = 2
café = 3
print(x, _private, café)
# Operators made of several characters.
y = 10
y //= 3
y <<= 2
y >>= 1
y |= 8
y &= 13
y ^= 5
y %= 7
y -= 1
y *= 4
y /= 2
print(y)
