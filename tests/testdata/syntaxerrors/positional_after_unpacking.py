opts = {}
print(dict(**opts, 3))
