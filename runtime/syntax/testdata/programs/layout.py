# Indentation with spaces, tabs and mixed widths in separate blocks.
def f(a):
    if a > 0:
        if a > 1:
            return "big"
        return "one"
    return "small"
print(f(2), f(1), f(0))

def g(a):
	if a:
		return "tab"
	return "no tab"
print(g(1), g(0))

def h():
  # a comment at an odd indent
        # and another, deeper
  x = 1
      # and one after a statement
  return x
print(h())

def k():

    x = 2

    # blank lines with and without comments


    return x
print(k())

# Several blocks end at once.
for i in range(2):
    for j in range(2):
        if i == j:
            print("eq", i)
print("after")

# Backslash continuation and implicit joining.
total = 1 + \
    2 + \
        3
print(total)
values = [1,
  2,
        3,
]
print(values, (4,
5), {1:
  2})
def call(a,
         b=2,
             *args, **kw):
    return a + b
print(call(1,
           b=5))

# Simple statements on one line, and one-line compound statements.
a = 1; b = 2; c = 3;
print(a, b, c)
if a: print("one-line if")
else: print("never")
while b > 0: b -= 1
print(b)
for q in range(2): print("for", q)
def one(): return "one-line def"
print(one())
class One: pass
print(One.__name__)
if a:
    pass
elif b:
    pass
else:
    print("never")

# A docstring, then Ellipsis as a placeholder body.
def stub():
    """Do nothing."""
    ...
print(stub())
