r = Recorder()
print(r[1], r[None], r[...], r[1, 2], r[1,])
print(r[:, 0], r[..., 1:3], r[::2, None], r[1:2:3, ::], r[:3, 4:, :-1])
r[0, 1:] = 5
r[:, ...] = 6
r[1:3] = 7
r[::2] = 8
del r[1, :]
del r[2]
del r[1:2]
del r.attr
del r[0], r.other
lst = [0, 1, 2, 3, 4, 5]
print(lst[1:3], lst[::2], lst[-2:], lst[:], lst[::-1], lst[1:5:2])
grid = [[1, 2], [3, 4]]
grid[1][0] = 30
print(grid, grid[1][0])
