"""Classes with __repr__, __eq__ and __lt__, sorted and compared."""
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __repr__(self):
        return "Version(" + repr(".".join(str(p) for p in self.parts)) + ")"

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __hash__(self):
        return hash(self.parts)


class Player:
    count = 0

    def __init__(self, name, score, level=1):
        self.name = name
        self.score = score
        self.level = level
        Player.count += 1

    def __repr__(self):
        return f"Player({self.name!r}, {self.score}, level={self.level})"

    def __str__(self):
        return f"{self.name} ({self.score} pts)"

    def __eq__(self, other):
        return isinstance(other, Player) and (self.name, self.score) == (other.name, other.score)

    def __lt__(self, other):
        return (self.score, self.name) < (other.score, other.name)


versions = [Version("1.10.0"), Version("1.2.3"), Version("1.2"), Version("0.9.9")]
print(sorted(versions))
print(max(versions), min(versions), Version("1.2") == Version("1.2"), Version("1.2") != Version("1.3"))
print(Version("2.0") in versions, Version("1.2") in versions, len(set(versions + [Version("1.2")])))
print(Version("1.0") == "1.0", sorted(versions, reverse=True)[0])

players = [Player("ann", 30), Player("bob", 25, 3), Player("cid", 30, 2), Player("dee", 10)]
print(Player.count, players[0], str(players[1]), [str(p) for p in players[:2]])
print(sorted(players))
print(sorted(players, key=lambda p: (-p.score, p.name)))
print(sorted(players, key=lambda p: p.level, reverse=True)[0].name)
print(max(players), min(players, key=lambda p: p.level))
print(Player("ann", 30) == players[0], Player("ann", 31) == players[0], players[0] == "ann")
print(players[1] < players[0], players[0] > players[1], sorted(players)[-1] is players[2])
board = {p.name: p.score for p in players}
print(board, sorted(board, key=board.get), max(board, key=board.get))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

    def __eq__(self, other):
        return self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __add__(self, other):
        return Money(self.cents + other.cents)


wallet = [Money(250), Money(99), Money(1005)]
print(sorted(wallet), sum(wallet, Money(0)), Money(5) < Money(7), Money(5) == Money(5))
