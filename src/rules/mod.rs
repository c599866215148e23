//! Attribution rules: patterns over tokens, quotes and noun phrases that
//! turn a cue into speaker–cue–content (+ source, addressee) drafts.
//!
//! Every rule has an id ([`RuleId`], listed in [`RULES`]) that is carried
//! on each attribution it produces, with a description and an example of
//! its own, so a wrong result points at the rule to look at. The rules run
//! in passes, strongest evidence first, and each pass skips tokens that an
//! earlier attribution already took (so a cue inside reported content is
//! not a second, nested attribution). [`Ctx::run`] runs them in this
//! order, one file each:
//!
//! 1. `direct`: direct quotations with an adjacent speaker and cue;
//! 2. `continuation`: a quotation carrying on an attributed one joins it;
//! 3. `inverted`: inverted indirect speech ("…, Lavrov said.") and
//!    parentheticals ("…, Lavrov said, …");
//! 4. `according`: "according to" / "as per" phrases;
//! 5. `framing`: frames at a sentence's start — headlines ("Berg: …",
//!    "Berg Says …"), studies and polls ("In a new poll, …"), and "Asked
//!    whether …";
//! 6. `forward`: forward speech ("Lavrov said that…", "He wants to…"), its
//!    content bounded by `content`;
//! 7. `nominal`: a communication noun with a possessor and a that-clause
//!    ("Berg's claim that …");
//! 8. `nominal`: an impression with no named source ("X seemed to …");
//! 9. `sense`: each draft's class, content type and polarity.
//!
//! Shared by the passes: `ctx` (the document's state), `cue` (finding a
//! cue), `tag` (the verb group and the phrases around a cue) and `subject`
//! (who the speaker is).

mod according;
mod content;
mod continuation;
mod ctx;
mod cue;
mod direct;
mod draft;
mod forward;
mod framing;
mod id;
pub mod interview;
mod inverted;
mod nominal;
mod sense;
mod speaker;
mod subject;
mod tag;

pub use ctx::Ctx;
pub use draft::{CueWord, Draft};
pub use id::{RuleId, RULES};

impl Ctx<'_> {
    /// Run every pass; drafts come back in text order.
    ///
    /// A long document is worked through in stretches of a few thousand
    /// tokens, every pass over one stretch before the next, so that the
    /// stretch's tokens stay in the processor's cache across the passes
    /// (pass after pass over a whole multi-megabyte document read every
    /// token from main memory again each time). A stretch ends only where
    /// nothing of one rule reaches into the next: at a sentence ending in
    /// `.`, `!` or `?` outside quotation marks, before a sentence that
    /// does not open with one. Drafts are the same as with one stretch.
    pub fn run(mut self) -> Vec<Draft> {
        let mut out = Vec::new();
        // no sentence of body or headline (a page of captions, labels or
        // an interviewer's lines only): nothing is reported, though its
        // tokens may hold quotation marks
        if self.sents.is_empty() {
            return out;
        }
        for (win, win_tok) in self.stretches() {
            let tok_end = self
                .sents
                .get(win.end)
                .map_or(self.toks.len(), |s| s.tokens.start);
            let q_lo = self.quotes.partition_point(|q| q.open < win_tok);
            let q_hi = self.quotes.partition_point(|q| q.open < tok_end);
            self.win = win;
            self.qwin = q_lo..q_hi;
            self.win_tok = win_tok;
            self.in_direct = true;
            self.direct(&mut out);
            self.in_direct = false;
            self.continuations(&mut out);
            self.inverted(&mut out);
            self.according(&mut out);
            self.framing(&mut out);
            self.forward(&mut out);
            self.nominal(&mut out);
            self.seem(&mut out);
        }
        out.sort_by_key(|d| {
            d.content
                .first()
                .map_or(0, |c| c.start)
                .min(self.toks[d.cue.0].span.start)
        });
        self.senses(&mut out);
        out
    }
}

/// What the rules' unit tests read of an extraction.
#[cfg(test)]
pub(crate) mod testing {
    use crate::{Document, Extractor};

    /// Each attribution of `text` as "rule | speaker | cue | content",
    /// with " | to ADDRESSEE" and " | via SOURCE" when there are such
    /// (a missing speaker is "-"; the content's fragments are joined by a
    /// space).
    pub(crate) fn found(text: &str) -> Vec<String> {
        let record = Extractor::default()
            .extract(&Document::new("test", text))
            .to_record();
        record
            .attributions
            .iter()
            .map(|a| {
                let speaker = a.speaker.as_ref().map_or("-", |m| m.text.as_str());
                let mut line = format!(
                    "{} | {speaker} | {} | {}",
                    a.rule, a.cue.text, a.content.text
                );
                if let Some(m) = &a.addressee {
                    line += &format!(" | to {}", m.text);
                }
                if let Some(m) = &a.source {
                    line += &format!(" | via {}", m.text);
                }
                line
            })
            .collect()
    }

    /// Asserts that some attribution of `text`, as [`found`] writes it,
    /// contains `part` (a rule id and speaker, a cue and content…).
    #[track_caller]
    pub(crate) fn assert_found(text: &str, part: &str) {
        let got = found(text);
        assert!(
            got.iter().any(|l| l.contains(part)),
            "no {part:?} in {got:?}"
        );
    }
}

#[cfg(test)]
mod tests {

    /// Working through a document in stretches gives the drafts that one
    /// pass over the whole gives: the bundled articles (every kind of
    /// attribution, quotes continued across paragraphs) run together and
    /// cut into stretches of about 30 tokens, so every possible cut is
    /// tried; and the cuts do happen.
    #[test]
    fn stretches_give_the_drafts_of_one_pass() {
        use crate::{lexicon::Lexicon, quote, sentence, token};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        let text: String = names
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap() + "\n\n")
            .collect();
        let lex = Lexicon::embedded();
        let toks = token::tokenize(&text, &lex);
        let sents = sentence::split(&text, &toks);
        let quotes = quote::pair(&toks);
        let bounds = token::Bounds::new(&toks);
        let ctx = || super::Ctx::new(&text, &lex, &toks, &bounds, &sents, &quotes);
        assert_eq!(ctx().stretches().len(), 1);
        let cut = ctx().with_stretch(30);
        let n = cut.stretches().len();
        assert!(n > 50, "only {n} stretches");
        let whole = format!("{:?}", ctx().run());
        assert!(whole.len() > 10_000);
        assert_eq!(format!("{:?}", cut.run()), whole);
    }
}
