# golden: hand-checked (CPython accepts these; cellscript rejects them by name)
# Constructs outside the subset are syntax errors that name the construct.
print("parsed chunks run nothing")
---
async def fetch(): ### SyntaxError: 'async' functions and statements are not supported
    pass
---
def f():
    return await g() ### SyntaxError: 'await' expressions are not supported
---
command = "go"
match command: ### SyntaxError: 'match' statements are not supported
    case "go":
        pass
---
if (n := 10) > 5: ### SyntaxError: assignment expressions (':=') are not supported
    pass
---
def f():
    x = yield 1 ### SyntaxError: yield as a value is not supported
---
try:
    pass
except* ValueError: ### SyntaxError: 'except*' (exception groups) is not supported
    pass
---
from os import * ### SyntaxError: from ... import * is not supported
---
x = 1j ### SyntaxError: complex literals are not supported
---
print "hello" ### SyntaxError: Missing parentheses in call to 'print'
