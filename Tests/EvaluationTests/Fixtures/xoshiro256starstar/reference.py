#!/usr/bin/env python3
"""Known answers for Xoshiro256StarStar, from an independent transcription of
the public-domain reference algorithms:

  * splitmix64.c          https://prng.di.unimi.it/splitmix64.c
  * xoshiro256starstar.c  https://prng.di.unimi.it/xoshiro256starstar.c
    (Blackman & Vigna 2021, ACM TOMS 47(4):36), state seeded with four
    consecutive splitmix64 outputs, as the authors recommend;
  * uniform double (x >> 11) * 2^-53   (https://prng.di.unimi.it/#remarks);
  * Lemire (2019) unbiased bounded integer (ACM TOMACS 29(1):3);
  * Durstenfeld / Fisher-Yates shuffle, i = n-1 down to 1, j = bounded(i + 1).

Run:  python3 reference.py   (writes expected.json; standard library only)
"""
import json

MASK = (1 << 64) - 1


def splitmix64(state):
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        sm = splitmix64(seed)
        self.s = [next(sm) for _ in range(4)]

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def bounded(self, bound):
        m = self.next() * bound
        if (m & MASK) < bound:
            threshold = (2 ** 64 - bound) % bound
            while (m & MASK) < threshold:
                m = self.next() * bound
        return m >> 64

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.bounded(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


def main():
    sm = splitmix64(42)
    splitmix = [str(next(sm)) for _ in range(4)]
    g = Xoshiro256StarStar(42)
    raw = [str(g.next()) for _ in range(8)]
    g = Xoshiro256StarStar(42)
    uniforms = [g.uniform() for _ in range(6)]
    g = Xoshiro256StarStar(42)
    bounds = [1, 2, 3, 7, 10, 1000, 2 ** 63 + 1, 6]
    bounded = [[str(b), str(g.bounded(b))] for b in bounds]
    g = Xoshiro256StarStar(7)
    shuffled = g.shuffle(list(range(10)))
    out = {
        "seed": 42,
        # 64-bit integers as decimal strings (JSON numbers lose bits above 2^53).
        "splitmix64": splitmix,
        "xoshiro256starstar": raw,
        "uniform": uniforms,
        "bounded": bounded,
        "shuffle_seed": 7,
        "shuffle_0_to_9": shuffled,
    }
    with open("expected.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
