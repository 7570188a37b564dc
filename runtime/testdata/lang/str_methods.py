print(repr('ab'.center(7, '*')), repr('ab'.center(6)), repr('abc'.center(2)), repr('a'.center(4, '.')))
print(repr('abc'.ljust(6, '-')), repr('abc'.rjust(6)), repr('abcdef'.ljust(3)))
print('-42'.zfill(6), '+7'.zfill(4), '3.5'.zfill(6), 'abc'.zfill(2))
print('a,b,c'.partition(','), 'a,b,c'.rpartition(','), 'abc'.partition('x'), 'abc'.rpartition('x'))
print(repr('a\tbc\td'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('ab\n\tc'.expandtabs(2)))
print('Hello World'.swapcase(), "they're bill's 3rd".title(), 'ab12cd'.title())
print('ÄSS'.casefold(), 'Straße'.casefold(), 'ABC'.casefold() == 'abc'.casefold())
print('prefix_x'.removeprefix('prefix_'), 'x.py'.removesuffix('.py'), 'x.py'.removesuffix('.txt'))
print('abc_1'.isidentifier(), '1abc'.isidentifier(), ''.isidentifier(), '_'.isidentifier(), 'a-b'.isidentifier())
print('123'.isdecimal(), '12.5'.isdecimal(), ''.isdecimal(), 'abc'.isascii(), 'é'.isascii(), ''.isprintable(), 'a\n'.isprintable())
print('{a}-{b!r}'.format_map({'a': 1, 'b': 'x'}), '{0}'.format('zero'))
---
table = str.maketrans('el', 'ip')
print('hello'.translate(table), sorted(table.items()))
print('hello'.translate(str.maketrans({'h': 'J', 'o': None})))
print('abc'.translate(str.maketrans('a', 'b', 'c')), 'abc'.translate({97: 65}))
center = 'ab'.center
print(center(6, '='), 'x'.maketrans('a', 'b'))
---
'ab'.center(5, '--')  ### TypeError: The fill character must be exactly one character long
---
str.maketrans('ab', 'c')  ### ValueError: the first two maketrans arguments must have equal length
