# dict.pop finds the key equal in Python and raises KeyError(key) for a
# missing one; list, set and user-class pop are untouched.
d = {"a": 1, 1: "one"}
print(d.pop("b", 5), d.pop(True), d)
try:
    d.pop("b")
except KeyError as e:
    print("KeyError", e)
lst = [1, 2, 3]
print(lst.pop(), lst.pop(0), lst)
s = {4}
print(s.pop(), s)
class Stack:
    def __init__(self):
        self.items = [1]
    def pop(self):
        return self.items.pop()
print(Stack().pop())
try:
    {}.pop()
except TypeError as e:
    print("TypeError", e)
try:
    {}.pop(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
