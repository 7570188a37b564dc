# open() reads and writes files in the granted directory as CPython
# does: text and binary modes, with blocks, iteration and errors.
with open("labels.txt", "w") as f:
    n = f.write("cat\ndog\n")
    f.writelines(["bird\n", "fish"])
print(n, f.closed)
with open("labels.txt") as f:
    print(f.read())
f = open("labels.txt", "r")
print(f.readline(), end="")
print([line.rstrip() for line in f])
f.close()
print(open("labels.txt").readlines())
with open("labels.txt", "a") as f:
    f.write("\nowl\n")
print(len(open("labels.txt").read().splitlines()))
with open("data.bin", "wb") as f:
    f.write("héllo".encode())
print(open("data.bin", "rb").read())
try:
    open("missing.txt")
except FileNotFoundError as e:
    print(e)
try:
    f = open("labels.txt")
    f.close()
    f.read()
except ValueError as e:
    print(e)
try:
    open("labels.txt", "z")
except ValueError as e:
    print(e)
