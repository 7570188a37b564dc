x = 1
y = (1 + 2
print(y)
