# Reading a name that no statement defines raises NameError when the
# read runs, wherever the read is.
try:
    y = missing_value
except NameError as e:
    print("assign:", e)


def give():
    return missing_result


try:
    give()
except NameError as e:
    print("return:", e)
try:
    print([missing_item for _ in range(2)])
except NameError as e:
    print("comprehension:", e)
try:
    values = {"k": missing_entry}
except NameError as e:
    print("dict:", e)
flag = False
if flag:
    never_defined_call()
print("unreached branch is fine")
---
z = missing_at_top  ### NameError: name 'missing_at_top' is not defined
