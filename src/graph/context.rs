//! Sentence context for statements: given a document's text, each of its
//! statements gets the sentence(s) it was found in with the speaker, cue,
//! content, source and addressee marked (for viewers that show a claim in
//! place, such as the HTML export).
//!
//! Records carry spans and, when extracted in this process, the bounds of
//! their sentences, but not the text, so this is a separate step that only
//! callers holding the text (the CLI reading articles) can take; graphs
//! read from JSONL simply have no context.

use super::{ContextMark, ContextPart, NodeData, QuoteGraph, StatementContext};
use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::record::{AttributionRecord, DocRecord};

impl QuoteGraph {
    /// The graph of extracted documents, each a record with, when known,
    /// the text it was extracted from: the records are added in order
    /// (with the look-ahead of [`from_extractions`](Self::from_extractions)),
    /// titles are recognized with `lex` (the lexicon the records were
    /// extracted with), and the statements of every document with a text
    /// get their sentence context ([`attach_text`](Self::attach_text)).
    ///
    /// This is the graph `quotegraph graph` and `quotegraph build` make of
    /// articles; documents without a text (records read from JSONL) simply
    /// get no context.
    ///
    /// ```
    /// use quotegraph::{Document, Extractor, QuoteGraph};
    ///
    /// let text = "Russia is ready to talk, Lavrov said.";
    /// let ex = Extractor::default();
    /// let rec = ex.extract(&Document::new("a.txt", text)).to_record();
    /// let g = QuoteGraph::from_texts([(&rec, Some(text))], ex.lexicon()).unwrap();
    /// let st = g.node("statement:a.txt#1").unwrap().statement().unwrap();
    /// assert_eq!(st.context.as_ref().unwrap().text, text);
    /// // without the text, the graph of the records alone
    /// let bare = QuoteGraph::from_texts([(&rec, None)], ex.lexicon()).unwrap();
    /// assert_eq!(bare, QuoteGraph::from_extractions(&[rec]).unwrap());
    /// ```
    pub fn from_texts<'a>(
        docs: impl IntoIterator<Item = (&'a DocRecord, Option<&'a str>)>,
        lex: &Lexicon,
    ) -> Result<QuoteGraph> {
        let docs: Vec<(&DocRecord, Option<&str>)> = docs.into_iter().collect();
        let records: Vec<DocRecord> = docs.iter().map(|(r, _)| (*r).clone()).collect();
        let mut g = QuoteGraph::with_lexicon(lex);
        g.extend(&records)?;
        for (rec, text) in docs {
            if let Some(text) = text {
                g.attach_text(rec, text);
            }
        }
        Ok(g)
    }

    /// Give the statements of `rec` (already added with
    /// [`add_record`](Self::add_record)) their sentence context from
    /// `text`, the document the record was extracted from, cut at the
    /// record's [`sentences`](DocRecord::sentences). Spans that do not fit
    /// the text, or whose text differs from the record's, are skipped, and
    /// a record without sentence bounds (read back from JSON) gets none.
    /// Returns how many statements got a context.
    ///
    /// ```
    /// use quotegraph::{Document, Extractor, QuoteGraph};
    /// use quotegraph::graph::ContextPart;
    ///
    /// let text = "It rained. Russia is ready to talk, Lavrov said. It stopped.";
    /// let ex = Extractor::default();
    /// let rec = ex.extract(&Document::new("a.txt", text)).to_record();
    /// let mut g = QuoteGraph::from_extractions(&[rec.clone()]).unwrap();
    /// assert_eq!(g.attach_text(&rec, text), 1);
    /// let st = g.node("statement:a.txt#1").unwrap().statement().unwrap();
    /// let ctx = st.context.as_ref().unwrap();
    /// assert_eq!(ctx.text, "Russia is ready to talk, Lavrov said.");
    /// let cue = ctx.marks.iter().find(|m| m.part == ContextPart::Cue).unwrap();
    /// let chars: Vec<char> = ctx.text.chars().collect();
    /// assert_eq!(chars[cue.span[0]..cue.span[1]].iter().collect::<String>(), "said");
    /// ```
    pub fn attach_text(&mut self, rec: &DocRecord, text: &str) -> usize {
        self.attach_contexts(rec, contexts_of(rec, text))
    }

    /// Give the statements of `rec` the contexts [`contexts_of`] cut for
    /// them from its text (one per attribution, in order); how a corpus
    /// read keeps the context of a text without keeping the text.
    pub(crate) fn attach_contexts(
        &mut self,
        rec: &DocRecord,
        contexts: Vec<Option<StatementContext>>,
    ) -> usize {
        let mut attached = 0;
        for (n, context) in contexts.into_iter().enumerate() {
            let Some(context) = context else {
                continue;
            };
            let Some(ix) = self.index_of(&format!("statement:{}#{}", rec.doc, n + 1)) else {
                continue;
            };
            if let NodeData::Statement(st) = &mut self.graph[ix].data {
                if *st.doc != *rec.doc {
                    continue;
                }
                st.context = Some(Box::new(context));
                attached += 1;
            }
        }
        attached
    }
}

/// The sentence context of each attribution of `rec` in `text`, the
/// document it was extracted from (see [`QuoteGraph::attach_text`]): as
/// many as the record has attributions, none for a record without sentence
/// bounds.
pub(crate) fn contexts_of(rec: &DocRecord, text: &str) -> Vec<Option<StatementContext>> {
    if rec.sentences.is_empty() {
        return Vec::new();
    }
    // byte offset of every code point, and of the end
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    rec.attributions
        .iter()
        .map(|a| context_of(a, text, &bytes, &rec.sentences))
        .collect()
}

/// The context of one attribution: the sentences (code-point spans, in
/// order) from the one its first part starts in to the one its last part
/// ends in, with every part marked; `None` when a part does not fit the
/// text (`bytes`: the byte offset of every code point, and of the end) or
/// its words differ from the record's.
fn context_of(
    a: &AttributionRecord,
    text: &str,
    bytes: &[usize],
    sentences: &[[usize; 2]],
) -> Option<StatementContext> {
    let mut parts: Vec<(ContextPart, [usize; 2], &str)> = Vec::new();
    if let Some(m) = &a.speaker {
        parts.push((ContextPart::Speaker, m.span, &m.text));
    }
    parts.push((ContextPart::Cue, a.cue.span, &a.cue.text));
    for s in &a.content.spans {
        parts.push((ContextPart::Content, *s, ""));
    }
    if let Some(m) = &a.source {
        parts.push((ContextPart::Source, m.span, &m.text));
    }
    if let Some(m) = &a.addressee {
        parts.push((ContextPart::Addressee, m.span, &m.text));
    }
    let fits = parts.iter().all(|&(part, [s, e], written)| {
        s <= e
            && e < bytes.len()
            && (part == ContextPart::Content || &text[bytes[s]..bytes[e]] == written)
    });
    if !fits {
        return None;
    }
    let lo = parts.iter().map(|p| p.1[0]).min().unwrap_or(0);
    let hi = parts.iter().map(|p| p.1[1]).max().unwrap_or(0);
    let start = sentences
        .iter()
        .find(|s| s[0] <= lo && lo < s[1])
        .map_or(lo, |s| s[0]);
    let end = sentences
        .iter()
        .find(|s| s[0] < hi && hi <= s[1])
        .map_or(hi, |s| s[1]);
    let mut marks: Vec<ContextMark> = parts
        .iter()
        .filter(|p| p.1[1] > p.1[0])
        .map(|&(part, [s, e], _)| ContextMark {
            part,
            span: [s - start, e - start],
        })
        .collect();
    marks.sort_by_key(|m| (m.span, m.part));
    Some(StatementContext {
        text: text[bytes[start]..bytes[end]].to_string(),
        start,
        marks,
    })
}

#[cfg(test)]
mod tests {
    use crate::export::{read_ron, Format};
    use crate::graph::{ContextPart, NodeKind, QuoteGraph};
    use crate::{Document, Extractor};

    const TEXT: &str = "Moscow, May 2 : It rained. \u{201C}Зa peace,\u{201D} Lavrov told Carlson, as cited by TASS. \
                        He said the talks would go on.";

    fn graph() -> QuoteGraph {
        let ex = Extractor::default();
        let rec = ex.extract(&Document::new("a.txt", TEXT)).to_record();
        let mut g = QuoteGraph::from_extractions(std::slice::from_ref(&rec)).unwrap();
        let n = g.attach_text(&rec, TEXT);
        assert_eq!(n, rec.attributions.len());
        g
    }

    #[test]
    fn marks_index_code_points_of_the_sentence() {
        let g = graph();
        for st in g.nodes_of_kind(NodeKind::Statement) {
            let st = st.statement().unwrap();
            let ctx = st.context.as_ref().unwrap();
            assert!(TEXT
                .chars()
                .skip(ctx.start)
                .collect::<String>()
                .starts_with(&ctx.text));
            let chars: Vec<char> = ctx.text.chars().collect();
            let part = |p: ContextPart| -> Vec<String> {
                ctx.marks
                    .iter()
                    .filter(|m| m.part == p)
                    .map(|m| chars[m.span[0]..m.span[1]].iter().collect())
                    .collect()
            };
            assert_eq!(part(ContextPart::Cue), [st.cue_text.to_string()]);
            assert_eq!(part(ContextPart::Content).join(" "), &*st.text);
            if let Some(s) = &st.speaker_text {
                assert_eq!(*part(ContextPart::Speaker)[0], **s);
            }
            // the context is whole sentences, never the dateline
            assert!(!ctx.text.contains("Moscow, May 2"));
        }
    }

    #[test]
    fn context_survives_ron() {
        let g = graph();
        let mut ron = Vec::new();
        Format::Ron.exporter().write(&g, &mut ron).unwrap();
        let back = read_ron(std::str::from_utf8(&ron).unwrap()).unwrap();
        assert_eq!(back, g);
    }

    #[test]
    fn text_that_does_not_fit_is_skipped() {
        let ex = Extractor::default();
        let rec = ex.extract(&Document::new("a.txt", TEXT)).to_record();
        let mut g = QuoteGraph::from_extractions(std::slice::from_ref(&rec)).unwrap();
        assert_eq!(g.attach_text(&rec, "short"), 0);
        // a speaker whose words differ: that statement gets none
        let other = TEXT.replace("Lavrov", "Lavrox");
        g.attach_text(&rec, &other);
        let mut seen = 0;
        for st in g.nodes_of_kind(NodeKind::Statement) {
            let st = st.statement().unwrap();
            if st.speaker_text.as_deref() == Some("Lavrov") {
                assert!(st.context.is_none());
                seen += 1;
            }
        }
        assert_eq!(seen, 1);
    }
}
