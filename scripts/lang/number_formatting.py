"""Numbers: format specs, divmod, rounding, abs and base conversions."""
prices = [1234567.891, 0.5, -42.125, 1e6, 3.0]
for p in prices:
    print(format(p, ",.2f"), format(p, ">12.1f"), f"{p:+.3e}", f"{p:g}", repr(p))
print(format(1234567, ","), format(1234567, "_"), f"{0.1234:.1%}", f"{42:08.3f}", f"{-42:=8d}")
print(f"{255:x} {255:X} {255:#o} {255:b} {255:#010b}", hex(255), oct(8), bin(10))
print(f"[{'left':<10}] [{'right':>10}] [{'mid':^10}] [{'fill':*^10}]")
print(f"{3.14159:.3}", f"{1/3:.5f}", f"{2/3:.0f}", f"{12345.6789:,.1f}", f"{7:>4}", f"{7:<4}|")
total_seconds = 98765
hours, rest = divmod(total_seconds, 3600)
minutes, seconds = divmod(rest, 60)
print(f"{hours:02d}:{minutes:02d}:{seconds:02d}", divmod(-7, 2), divmod(7, -2), divmod(7.5, 2))
print(abs(-3), abs(-3.5), abs(0), abs(-0.0), round(3.14159, 2), round(2.5), round(3.5), round(-0.5), round(1234.5678, -2))
print(round(2.675, 2), round(0.125, 2), round(7), type(round(7.0)).__name__, type(round(7.0, 1)).__name__)
print(10 / 4, 10 // 4, 10 % 4, -10 // 4, -10 % 4, 2 ** -1, 2 ** 0.5, 10 ** 20, 7 % 3.5)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1e300 * 1e10, -1e300 * 1e10)
print(int(3.9), int(-3.9), float("1.5e3"), float(" 2 "), int("0x1f", 16), int("101", 2), int("  12  "))
print(max(3, 7, 5), min([4, 2, 8]), max([], default=None), min("bca"), max([1, 5, 3], key=lambda v: -v))
values = [12.5, 7.25, 3.0, 9.75]
mean = sum(values) / len(values)
var = sum((v - mean) ** 2 for v in values) / len(values)
print(f"mean={mean:.3f} var={var:.4f} std={var ** 0.5:.4f} total={sum(values, 100):.2f}")
print(sum([1, 2, 3], 10), sum([0.1] * 10), sum(range(101)), sum([]), sum([[1], [2]], []))
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1), (2 ** 64).bit_length(), (255).bit_count(), (4.0).is_integer())
table = [("apple", 3, 0.5), ("kiwi", 12, 0.25), ("melon", 1, 2.75)]
print(f"{'item':<8}{'qty':>5}{'price':>8}{'cost':>9}")
for name, qty, price in table:
    print(f"{name:<8}{qty:>5d}{price:>8.2f}{qty * price:>9,.2f}")
print(f"{'total':<21}{sum(q * p for _, q, p in table):>9,.2f}")
print("%d items, %5.1f%% done, %s, %r, %x, %e" % (3, 42.333, "ok", "ok", 255, 12345.678))
print(1_000_000, 0b1010, 0o17, 0xFF, 1e-5, 1.5e-7, 123456789012345678.0, 1e16, 1e15)
print(str(1.0), str(-0.0), 1 / 3, 2 / 3, 100 / 3, float("inf"), -float("inf"), float("nan") != float("nan"))
