x = 42
pi = 3.14159
name = "cell"
items = [1, 2]
print(f"plain", f'{x}', F"{x}!", f"{{literal}} {{{x}}}")
print(f"{x!r} {name!r} {name!s} {name!a} {x:>6d} {x:<5d}| {pi:.2f} {pi:8.3f} {x:^7d}|")
print(f"{x + 1} {items[0]} {len(items)} {'quoted'} {items}")
print(f"{x=} {pi = :.1f} {name=!s} {x == 42}")
print(f"{x:*>6d} {x:06d}", f"""{x}
{pi:.1f}""")
print("joined " f"{x} " 'and ' f"{name}")
print(rf"\n{x}", fr'{x}\t')
print(f"\t{x}\u00e9")
print(f"{(lambda v: v * 2)(3)} {x if x > 0 else -x} {[i for i in items]}")
print(f"{x!r:>5} {'nested ' + f'{x}'}")
print(f"{1e-05:e}")
