"""Deterministic inputs shared by the golden generators and the C# tests (GoldenInputs.cs).

Only integer arithmetic, IEEE multiplications/divisions and floor are used, so Python and .NET produce the same
doubles bit for bit; the golden files then hold only the reference outputs.
"""
import math

MULTIPLIER = 6364136223846793005
INCREMENT = 1442695040888963407
MASK = (1 << 64) - 1


class Lcg:
    """64-bit LCG (Knuth's MMIX constants); next() is a double in [0, 1) with 53 random bits."""

    def __init__(self, seed):
        self.state = (seed * MULTIPLIER + INCREMENT) & MASK

    def next(self):
        self.state = (self.state * MULTIPLIER + INCREMENT) & MASK
        return (self.state >> 11) * 2.0 ** -53


def inputs(case):
    """x (scores), y (continuous targets), labels (0/1), p (probabilities with exact bin edges), w (weights)."""
    rng = Lcg(case["seed"])
    n = case["n"]
    decimals = case.get("tie_decimals")
    slope = case.get("slope", 1.0)
    weights = case.get("weights", "none")
    x, y, labels, p, w = [], [], [], [], []
    for _ in range(n):
        u1, u2, u3, u4 = rng.next(), rng.next(), rng.next(), rng.next()
        xi = math.floor(u1 * 10.0 ** decimals) / 10.0 ** decimals if decimals is not None else u1 * 10.0 - 5.0
        x.append(xi)
        y.append(xi * slope + (u2 - 0.5) * 4.0)
        labels.append(1.0 if u2 < u1 else 0.0)
        p.append(min(1.0, math.floor(u1 * 21.0) / 20.0) if case.get("edge_probabilities") else u1)
        if weights == "small-integers":
            w.append(math.floor(u3 * 4.0))
        elif weights == "signed":
            w.append(u3 * 2.0 - 0.2)
        elif weights == "positive":
            w.append(u3 + 0.1)
        else:
            w.append(1.0)
        del u4
    return x, y, labels, p, (None if weights == "none" else w)
