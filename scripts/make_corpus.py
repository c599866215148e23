#!/usr/bin/env python3
"""Write a synthetic corpus for timing `quotegraph graph`: the bundled
articles repeated, with the people in each copy renamed from pools of first
names and surnames (so surnames recur with different first names, and the
merge rules have work to do).

usage: scripts/make_corpus.py N OUTDIR [ARTICLES_DIR]

Deterministic: the same N gives the same files. Do not commit the output.
"""

import os
import re
import sys

FIRST = """Anna Boris Clara David Elena Farid Greta Hugo Irina Jonas Katya Liam Maria
Nikolai Olga Pavel Quinn Rosa Stefan Tanya Umar Vera Wim Xenia Yusuf Zoe Alina Bruno
Carmen Dmitri Erik Fatima Georg Hana Ivan Julia Karl Lena Milan Nora Oskar Petra""".split()
LAST = """Abbott Baranov Castro Dahl Eriksen Fischer Garcia Hale Ivanova Jensen Kowalski
Lindqvist Moreau Novak Orlov Petrov Quist Rossi Schmidt Tanaka Urban Varga Weber Xu
Yilmaz Zeller Adler Brandt Costa Duval Engel Falk Gross Horvath Ito Jovanovic Klein
Lang Meyer Nagy Olsen Popescu Ricci Sato Toth Ueda Volkov Wolf Young Ziegler""".split()

# people in the bundled articles: (first name, surname)
PEOPLE = [
    ("Sergey", "Lavrov"), ("John", "Smith"), ("Jane", "Smith"), ("Anna", "Berg"),
    ("Dmitry", "Peskov"), ("Vladimir", "Putin"), ("Tucker", "Carlson"),
    ("Donald", "Trump"), ("Joe", "Biden"), ("Volodymyr", "Zelenskyy"),
]


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    src = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "data", "articles")
    names = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
    texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in names]
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        text = texts[i % len(texts)]
        for j, (first, last) in enumerate(PEOPLE):
            k = i * len(PEOPLE) + j
            new_first = FIRST[(k * 7) % len(FIRST)]
            new_last = LAST[(k * 13 + i // len(texts)) % len(LAST)]
            text = re.sub(rf"\b{first}\b", new_first, text)
            text = re.sub(rf"\b{last}\b", new_last, text)
        sub = os.path.join(out, f"{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"{i:05d}_{names[i % len(names)]}"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
