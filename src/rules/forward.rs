//! Pass 6, forward indirect speech: a speaker and cue, then the content
//! (`indirect.that`, `indirect.clause`, `indirect.infinitive`,
//! `indirect.object`, `indirect.relative`, `indirect.raised`, and for a
//! participle or a second verb of the sentence's speaker
//! `indirect.participle`, `indirect.coordinated`).

use crate::lexicon::{flags, lists, verb_lists, CueClass, CueSense};
use crate::mention::{MentionKind, Np};
use crate::span::Span;
use crate::token::{TokKind, Token};

use super::ctx::Ctx;
use super::draft::{CueWord, Draft};
use super::id::RuleId;
use crate::class::{AttributionClass, ContentType, Polarity};

impl<'a> Ctx<'a> {
    pub(super) fn forward(&mut self, out: &mut Vec<Draft>) {
        self.scan_drafts(out, (0, 0), |ctx, i, (lo, hi, si), out| {
            ctx.forward_at(i, lo, hi, si, out)
        });
    }

    /// "Berg said (that) the talks will resume", "Berg wants to resume
    /// the talks", "Berg endorsed the treaty": a verb cue at token `i`
    /// with its speaker before it and its content after it, in the
    /// sentence `si` of tokens `lo..hi`.
    pub(super) fn forward_at(
        &mut self,
        i: usize,
        lo: usize,
        hi: usize,
        si: usize,
        out: &[Draft],
    ) -> Option<Draft> {
        let (ce, cw) = self.cue_at(i)?;
        let (class, _, addressee_object, needs) = self.verb_info(cw);
        let CueWord::Verb(verb) = cw else {
            return None;
        };
        if self.noun_before_its_verb(i, ce) {
            return None;
        }
        // "TASS cited Lavrov as saying …": the attribution belongs to
        // "saying", with TASS as the source
        if self.verb_in(cw, verb_lists::CITING) {
            let k = self.np.np_right(ce, hi, lo).map_or(ce, |n| n.end);
            if self.is(k, "as")
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| t.verb().is_some() && self.word(k + 1).ends_with("ing"))
            {
                return None;
            }
        }
        let (speaker, extras, rule_hint) = self.speaker_for_cue(i, lo, si, out, verb)?;
        let mut cue = VerbCue {
            cue: (i, ce),
            word: cw,
            class,
            addressee_object,
            needs,
            speaker,
            extras,
            rule_hint,
            clause: (lo, hi),
            sent: si,
        };
        if speaker.is_none()
            || speaker.is_some_and(|sp| {
                sp.kind == MentionKind::Pronoun && self.is(sp.start, "it") && self.passive_it(i, lo)
            })
        {
            // "It is said that…": an empty subject is no speaker
            if self.passive_it(i, lo) {
                cue.speaker = None;
                return self.forward_content(&cue);
            }
        }
        // "The snow is expected to ease", "Trump is said to favor …": a
        // raised passive names no speaker; its subject belongs to the
        // content, split around the verb
        let raised = speaker.filter(|sp| {
            sp.kind != MentionKind::Relative
                && self.is(ce, "to")
                && self.word(i).ends_with("ed")
                && self.verb_in(cw, verb_lists::RAISING)
                && (self.skip_verb_group_left(i, lo)..i)
                    .any(|j| self.in_list(j, lists::PASSIVE_BE_FORMS))
        });
        if let Some(sp) = raised {
            cue.speaker = None;
            let mut d = self.forward_content(&cue)?;
            d.content.insert(0, sp.span(self.toks));
            d.rule = RuleId::IndirectRaised;
            return Some(d);
        }
        // "Berg was asked whether …", "the plan was announced on Friday":
        // a passive verb of saying or of holding true with no agent names
        // no speaker; its subject is the one spoken to or of
        if cue.speaker.is_some()
            && (class == CueClass::Speech
                || addressee_object
                || self.verb_in(cw, verb_lists::RAISING))
            && self.passive_cue(i, ce, lo)
        {
            cue.speaker = None;
        }
        self.forward_content(&cue)
    }

    /// Is the one-word cue at `i` a noun of records in its bare form,
    /// after a singular noun, with the sentence's own past verb right after it ("a
    /// council report estimated …", "the board report found …"): the
    /// compound's head, no verb?
    fn noun_before_its_verb(&self, i: usize, ce: usize) -> bool {
        let (Some(p), Some(n)) = (i.checked_sub(1).map(|p| &self.toks[p]), self.toks.get(ce))
        else {
            return false;
        };
        let next = self.word(ce);
        ce == i + 1
            && self.in_list(i, lists::FRAME_NOUNS)
            && !self.word(i).ends_with('s')
            && p.is_word()
            && !p.has(flags::PRONOUN | flags::DET)
            && !self.word(i - 1).ends_with('s')
            && n.is_word()
            && (next.ends_with("ed")
                || n.verb().is_some() && !next.ends_with("ing") && !next.ends_with('s'))
    }

    /// Is the verb cue at `i..ce` a past participle after a form of "be"
    /// in its verb group ("was told", "has been asked"), with no "by"
    /// naming the agent right after it? Not "'s" ("he's told", has).
    fn passive_cue(&self, i: usize, ce: usize, lo: usize) -> bool {
        let participle =
            self.word(i).ends_with("ed") || self.in_list(i, lists::IRREGULAR_PARTICIPLES);
        participle
            && (self.skip_verb_group_left(i, lo)..i).any(|j| {
                self.in_list(j, lists::PASSIVE_BE_FORMS) && !self.word(j).contains(['\'', '’'])
            })
            && !(ce..ce + 2).any(|k| self.is(k, "by"))
    }

    /// The content after a verb cue, from its opening (that-clause, quote,
    /// infinitive, wh-clause, object…) to where the author's words begin.
    fn forward_content(&mut self, c: &VerbCue) -> Option<Draft> {
        let (lo, hi) = c.clause;
        let (k, addr, src) = self.after_cue(c.cue.1, hi, c.addressee_object, lo);
        if k >= hi {
            return None;
        }
        // "The paper reported, citing two officials, that …"
        let cited = self.cited_before_that(k, hi, lo);
        let k = cited.map_or(k, |np| np.end + 1);
        let (start, rule) = match self.content_opening(c, k, addr)? {
            Opening::At(start, rule) => (start, rule),
            Opening::Described => return self.described_object(c, k, addr, src),
        };
        // an imperative ("Note that …", "Make sure the door is shut") or
        // an infinitive with its subject away ("fair to note that …")
        // reports a that-clause, or for a verb of knowing a plain finite
        // clause; never an object or an infinitive
        if matches!(
            c.rule_hint,
            Some(RuleId::IndirectImperative | RuleId::IndirectInfinitival)
        ) && !(rule == RuleId::IndirectThat
            || (rule == RuleId::IndirectClause
                && c.class == CueClass::Belief
                && self.finite_clause_start(start, c.clause.1)))
        {
            return None;
        }
        let t = &self.toks[k];
        if t.is_word() && t.has(flags::CONJ) && !self.is(k, "that") && !t.in_list(lists::WH_WORDS) {
            return None;
        }
        let (end_tok, in_quote, span) = self.content_extent(c, start, rule)?;
        // "…, as cited by TASS": the outlet that relayed the report
        let src = src.or_else(|| self.relay_after(end_tok, hi));
        let span = self.content_cuts(c, start, rule, (end_tok, in_quote), span)?;
        let mut d = Draft {
            speaker: c.speaker,
            cue: c.cue,
            cue_word: c.word,
            content: vec![span],
            source: src,
            addressee: addr,
            rule: c.rule_hint.unwrap_or(rule),
            sent: c.sent,
            object: rule == RuleId::IndirectObject,
            class: AttributionClass::Speech,
            content_type: ContentType::Clause,
            polarity: Polarity::Affirmed,
        };
        self.relay_and_partner(&mut d, &c.extras, lo);
        if let Some(np) = cited {
            // the people cited are the speakers, the one who reported
            // it the source; "citing" is no cue of its own
            d.source = d.speaker;
            d.speaker = Some(np);
            d.rule = RuleId::IndirectCiting;
            self.mark(np.start - 1, np.start);
        }
        Some(d)
    }

    /// ", citing NP, that …" at token `k` after a cue: the phrase cited.
    fn cited_before_that(&self, k: usize, hi: usize, lo: usize) -> Option<Np> {
        if !(self.toks[k].is_punct(',') && self.is(k + 1, "citing")) {
            return None;
        }
        let np = self.np.np_right(k + 2, hi, lo)?;
        (np.end + 1 < hi && self.toks[np.end].is_punct(',') && self.is(np.end + 1, "that"))
            .then_some(np)
    }

    /// Where the content after a cue opens, at token `k` after the tag,
    /// and the rule it makes; `addr` is the addressee the tag found.
    fn content_opening(&self, c: &VerbCue, k: usize, addr: Option<Np>) -> Option<Opening> {
        let hi = c.clause.1;
        let (class, cw) = (c.class, c.word);
        let t = &self.toks[k];
        let at = |rule| Some(Opening::At(k, rule));
        if self.is(k, "that") {
            // "remembers that day", "echoed that comment": a determiner
            // before the noun that ends the sentence; the phrase is a topic
            let noun_ends = self.toks.get(k + 1).is_some_and(|t| {
                t.is_word() && !t.cap && t.pronoun().is_none() && !t.has(flags::DET)
            }) && (k + 2 >= hi
                || matches!(self.toks[k + 2].kind, TokKind::Punct('.' | '!' | '?')));
            if noun_ends {
                return at(RuleId::IndirectObject);
            }
            at(RuleId::IndirectThat)
        } else if t.is_quote() {
            at(RuleId::IndirectObject)
        } else if t.is_punct(':') || t.is_punct(',') {
            // "said: the plan…" / "said, the plan…"
            if k + 1 >= hi || class != CueClass::Speech || t.is_punct(',') {
                return None;
            }
            Some(Opening::At(k + 1, RuleId::IndirectClause))
        } else if self.is(k, "to")
            && self
                .toks
                .get(k + 1)
                .is_some_and(|u| (u.is_word() && !u.cap) || u.is_quote())
        {
            let takes_inf = match cw {
                CueWord::Verb(v) => self.lex.verb(v).infinitive || c.addressee_object,
                _ => false,
            };
            if !matches!(class, CueClass::Intention | CueClass::Belief) && !takes_inf {
                return None;
            }
            // "urged her peers to act", "called on Muslims to stand up":
            // the one urged belongs to the content
            let start = addr.filter(|a| a.end == k).map_or(k, |a| a.start);
            Some(Opening::At(start, RuleId::IndirectInfinitive))
        } else if t.in_list(lists::WH_WORDS) && class != CueClass::Intention {
            at(RuleId::IndirectClause)
        } else if self.is(k, "about")
            && class == CueClass::Speech
            && k + 1 < hi
            && (self.toks[k + 1].kind == TokKind::Number
                || self.toks[k + 1].in_list(lists::NUMBER_WORDS))
            && self.clause_start(k + 1, hi)
        {
            // "said about 300 homes were flooded", "said about one in five
            // left": "about" before a number is "roughly", inside a clause
            // that is the content
            at(RuleId::IndirectClause)
        } else if self.is(k, "about")
            && class == CueClass::Speech
            && k + 1 < hi
            && self.object_start(k + 1, hi)
        {
            // "warned us about those rapists", "joked about the economy":
            // annotators mostly leave the "about" out of the content
            Some(Opening::At(k + 1, RuleId::IndirectObject))
        } else if matches!(class, CueClass::Belief | CueClass::Evidence)
            && c.needs
            && !matches!(cw, CueWord::Verb(v) if self.lex.verb(v).no_bare_clause)
            && (self.finite_clause_start(k, hi)
                || (self.written(k, lists::CLAUSE_HEDGES) && self.finite_clause_start(k + 1, hi)))
        {
            // "I knew we could fix it", "the figures show the river will
            // rise": a verb of knowing or of evidence takes a bare clause
            // when a subject and a finite verb plainly open one (after a
            // hedge too: "I knew maybe we could fix it")
            at(RuleId::IndirectClause)
        } else if !(class == CueClass::Intention
            || c.needs
            || matches!(cw, CueWord::Verb(v) if self.lex.verb(v).no_bare_clause)
            || self.passive_writing(c))
            && (self.clause_start(k, hi)
                || (class == CueClass::Speech && self.loose_clause_start(k, hi))
                || (class == CueClass::Belief
                    && self.written(k, lists::CLAUSE_HEDGES)
                    && self.finite_clause_start(k + 1, hi)))
        {
            at(RuleId::IndirectClause)
        } else if self.is_object_verb(cw)
            && self.object_start(k, hi)
            && !(self.written(k, lists::REFLEXIVES)
                && self.verb_in(cw, verb_lists::REFLEXIVE_IDIOM))
        {
            // "endorsed Sanders in the primary", "called the plan a mistake":
            // the object, to the end of its clause
            at(RuleId::IndirectObject)
        } else if self.is(k, "as") && k + 1 < hi {
            Some(Opening::Described)
        } else {
            None
        }
    }

    /// "The name is written using …", "a language written in …": a verb
    /// of writing in the passive names what is written, not a reported
    /// clause after it.
    fn passive_writing(&self, c: &VerbCue) -> bool {
        let i = c.cue.0;
        matches!(c.word, CueWord::Verb(v) if self.lex.verb(v).sense == Some(CueSense::Writing))
            && (self.word(i).eq_ignore_ascii_case("written")
                || (self.skip_verb_group_left(i, c.clause.0)..i)
                    .any(|j| self.in_list(j, lists::PASSIVE_BE_FORMS)))
    }

    /// "the candidate, whom he described as “volatile,”": the relative
    /// pronoun stands for what is described, and is content with the
    /// description from `as` (token `k`) to the next comma.
    fn described_object(
        &mut self,
        c: &VerbCue,
        k: usize,
        addr: Option<Np>,
        src: Option<Np>,
    ) -> Option<Draft> {
        let (lo, hi) = c.clause;
        let sp = c.speaker?;
        if sp.start <= lo || !self.in_list(sp.start - 1, lists::OBJECT_RELATIVES) {
            return None;
        }
        let rel = self.toks[sp.start - 1].span;
        let end = (k + 1..hi)
            .find(|&j| self.toks[j].is_punct(',') && !self.in_quote(j))
            .unwrap_or(hi);
        let mut d = Draft {
            speaker: c.speaker,
            cue: c.cue,
            cue_word: c.word,
            content: vec![rel, self.span_of(k, end)?],
            source: src,
            addressee: addr,
            rule: RuleId::IndirectRelative,
            sent: c.sent,
            object: false,
            class: AttributionClass::Speech,
            content_type: ContentType::Clause,
            polarity: Polarity::Affirmed,
        };
        if d.content.iter().any(|c| self.is_taken_span(*c)) {
            return None;
        }
        self.relay_and_partner(&mut d, &c.extras, lo);
        Some(d)
    }

    /// The content from `start`: to the sentence end, or across sentences
    /// to the end of a quotation that it opens; a relative clause (", who
    /// said …,") ends at its closing comma, and without a quotation it
    /// ends before what the author adds (", which …", ", while …", a dash
    /// clause, a semicolon, ", and they …"). Returns its end token,
    /// whether it is a quotation, and its span.
    fn content_extent(
        &self,
        c: &VerbCue,
        start: usize,
        rule: RuleId,
    ) -> Option<(usize, bool, Span)> {
        let hi = c.clause.1;
        let mut end_tok = hi;
        if c.speaker.is_some_and(|sp| sp.kind == MentionKind::Relative) {
            if let Some(comma) = self.comma_outside_quotes(start..hi) {
                end_tok = comma;
            }
        }
        let quote = self
            .quote_opened_at(start)
            .filter(|_| self.toks[start].is_quote());
        let mut span = self.span_of(start, end_tok)?;
        if let Some(q) = quote {
            if q.span.end > span.end {
                span = Span::new(span.start, q.span.end);
                end_tok = q.end;
            }
            return Some((end_tok, true, span));
        }
        let tail = self.content_tail(start, end_tok);
        let tight = if matches!(rule, RuleId::IndirectObject | RuleId::IndirectInfinitive) {
            self.object_tail(start, end_tok)
        } else {
            None
        };
        if let Some(cut) = [tail, tight].into_iter().flatten().min() {
            end_tok = cut;
            span = self.span_of(start, cut)?;
        }
        Some((end_tok, false, span))
    }

    /// The first comma outside quotation marks among tokens `r`.
    fn comma_outside_quotes(&self, r: std::ops::Range<usize>) -> Option<usize> {
        r.into_iter()
            .find(|&j| self.toks[j].is_punct(',') && !self.in_quote(j))
    }

    /// ", as cited by TASS" right after the content ending at `end_tok`:
    /// the outlet that relayed the report.
    fn relay_after(&self, end_tok: usize, hi: usize) -> Option<Np> {
        if end_tok >= hi || !self.toks[end_tok].is_punct(',') {
            return None;
        }
        let o = self.relay_at(end_tok + 1)?;
        let stop = (o..hi)
            .find(|&k| self.toks[k].is_punct(',') || self.toks[k].is_quote())
            .unwrap_or(hi);
        let np = self.np.np_right(o, stop, o)?;
        (np.end == stop && !(o..stop).any(|k| self.taken[k])).then_some(np)
    }

    /// Shorten the content `span` from `start` (ending at token `end_tok`,
    /// a quotation or not): an object ends at its clause's punctuation; a
    /// report in a fronted subordinate clause ends with the clause; a
    /// second coordinated cue verb starts its own attribution; content an
    /// earlier attribution took is cut off.
    fn content_cuts(
        &self,
        c: &VerbCue,
        start: usize,
        rule: RuleId,
        (mut end_tok, quoted): (usize, bool),
        mut span: Span,
    ) -> Option<Span> {
        let (lo, hi) = c.clause;
        if rule == RuleId::IndirectObject {
            if let Some(cut) = (start + 1..end_tok).find(|&j| {
                !self.in_quote(j)
                    && (matches!(
                        self.toks[j].kind,
                        TokKind::Punct(';' | '—' | '–' | '(' | ':')
                    ) || self.toks[j].is_punct(',')
                        || self.toks[j].is_punct('-') && self.toks[j].space_before)
            }) {
                end_tok = cut;
                span = self.span_of(start, cut)?;
            }
        }
        if !quoted {
            // "While Ramos said that A, he appears …": a report inside a
            // fronted subordinate clause ends where the clause does
            let subordinate = c.speaker.is_some_and(|sp| {
                sp.start > lo
                    && self.in_list(sp.start - 1, lists::FRONTED_SUBORDINATORS)
                    && (sp.start - 1 == lo || self.in_list(lo, lists::SENTENCE_LEAD_INS))
            });
            let clause_end = if subordinate {
                self.comma_outside_quotes(start + 1..end_tok)
            } else {
                None
            };
            if let Some(cut) = clause_end {
                end_tok = cut;
                span = self.span_of(start, cut)?;
            }
            // "… tweeted a photo and said she had been hurt": a second cue
            // verb coordinated with this one starts its own attribution
            if let Some(cut) = self.coordinated_cue(start, end_tok) {
                span = self.span_of(start, trim_punct_left(self.toks, start, cut, ",;"))?;
            } else if let Some(cut) = self.main_verb_after_relative(c, rule, start, end_tok) {
                span = self.span_of(start, trim_punct_left(self.toks, start, cut, ",;"))?;
            }
        }
        if self.is_taken_span(span) {
            // content overlaps an earlier attribution: trim at it
            let first_taken = (start..hi).find(|&j| self.taken[j])?;
            let e = trim_punct_left(self.toks, start, first_taken, ",;:—-");
            span = self.span_of(start, e)?;
            let words = (start..e).filter(|&j| self.toks[j].is_word()).count();
            if words < 2 {
                return None;
            }
        }
        Some(span)
    }

    /// "Voters who back the plan said …", "Lee, who calls it a scam,
    /// said …": for a cue in a relative clause whose content is an object
    /// or an infinitive, the finite speech verb after it among tokens
    /// `start + 1..end` (outside quotation marks) is the main clause's,
    /// and ends the content.
    fn main_verb_after_relative(
        &self,
        c: &VerbCue,
        rule: RuleId,
        start: usize,
        end: usize,
    ) -> Option<usize> {
        let relative = c
            .speaker
            .is_some_and(|sp| sp.kind == MentionKind::Relative && self.is(sp.start, "who"));
        if !relative || !matches!(rule, RuleId::IndirectObject | RuleId::IndirectInfinitive) {
            return None;
        }
        (start + 1..end).find(|&j| {
            let t = &self.toks[j];
            let w = self.word(j);
            !self.in_quote(j)
                && t.is_word()
                && !t.cap
                && (w.ends_with("ed")
                    || w.ends_with('s')
                    || t.in_list(lists::IRREGULAR_PARTICIPLES))
                && t.verb()
                    .is_some_and(|x| self.lex.verb(x).class == CueClass::Speech)
                && self.toks[j - 1].pronoun().is_none()
                && !self.toks[j - 1].has(flags::AUX | flags::DET | flags::PREP)
        })
    }

    /// The "and"/"but" before a second speech verb among tokens
    /// `start + 1..end`, outside quotation marks; or the "but" before a
    /// past verb of will with its infinitive ("denied it but refused to
    /// say more", "but declined to give details"); or the "and"/"but"
    /// before a subject pronoun's own report ("and she accused …").
    fn coordinated_cue(&self, start: usize, end: usize) -> Option<usize> {
        (start + 1..end).find(|&j| {
            // "… and she accused …": a subject pronoun, then its report
            let pronoun_report = || {
                self.toks[j + 1]
                    .pronoun()
                    .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].subject)
                    && self.reported_clause_at(j + 1, end)
            };
            self.in_list(j, lists::COORDINATORS)
                && !self.in_quote(j)
                && j + 1 < end
                && (pronoun_report() || {
                    let v = self.skip_adverbs_right(j + 1, end);
                    v < end
                        && !self.word(v).ends_with("ing")
                        && self.toks[v].verb().is_some_and(|x| {
                            self.lex.verb(x).class == CueClass::Speech
                                || (self.is(j, "but")
                                    && self.word(v).ends_with("ed")
                                    && self.is(v + 1, "to"))
                        })
                })
        })
    }
}

/// A verb cue with its speaker, as `forward_at` found them.
struct VerbCue {
    /// Cue tokens `[start, end)`.
    cue: (usize, usize),
    word: CueWord,
    class: CueClass,
    /// The verb's object may be its addressee ("told Carlson").
    addressee_object: bool,
    /// The verb needs an explicit complement.
    needs: bool,
    speaker: Option<Np>,
    /// Phrases found between the subject and the verb.
    extras: Vec<Np>,
    /// The rule the speaker's kind sets (participle, coordinated verb).
    rule_hint: Option<RuleId>,
    /// The sentence's first token and the end of its content.
    clause: (usize, usize),
    sent: usize,
}

/// Where a cue's content opens.
enum Opening {
    /// At this token, for this rule.
    At(usize, RuleId),
    /// At "as" after a relative pronoun ("whom he described as …").
    Described,
}

/// Move `end` left over punctuation marks in `marks`, not past `start`.
fn trim_punct_left(toks: &[Token], start: usize, mut end: usize, marks: &str) -> usize {
    while end > start && matches!(toks[end - 1].kind, TokKind::Punct(c) if marks.contains(c)) {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    /// A report in a relative clause ends at the main clause's verb of
    /// saying ("Riders who saw the crash said …"); a subject pronoun's
    /// report after "and" is its own ("… and she accused …").
    #[test]
    fn reports_after_a_relative_clause_and_a_coordinated_subject() {
        assert_eq!(
            found("Two riders who saw the crash said the driver ran a light."),
            [
                "indirect.object | who | saw | the crash",
                "indirect.clause | Two riders | said | the driver ran a light",
            ]
        );
        assert_eq!(
            found("Voss said the bridge was unsafe and she accused the council of delay."),
            [
                "indirect.clause | Voss | said | the bridge was unsafe",
                "indirect.object | she | accused | the council of delay",
            ]
        );
    }

    /// "The paper reported, citing two officials, that …": the officials
    /// are the speakers, the paper the source.
    #[test]
    fn the_people_cited_before_a_that_clause() {
        assert_eq!(
            found("The Harrow Gazette reported Tuesday, citing two city officials, that the bridge would close."),
            ["indirect.citing | two city officials | reported | that the bridge would close | via The Harrow Gazette"]
        );
    }

    /// "about" before a number is "roughly": it opens the clause, not a
    /// topic ("said about the bridge").
    #[test]
    fn about_before_a_number_opens_a_clause() {
        assert_eq!(
            found("The utility said about 300 homes were flooded."),
            ["indirect.clause | The utility | said | about 300 homes were flooded"]
        );
        assert_eq!(
            found("The union said about one in five nurses had left."),
            ["indirect.clause | The union | said | about one in five nurses had left"]
        );
    }

    /// A time phrase after the cue ends at the subject pronoun that
    /// opens the clause.
    #[test]
    fn a_time_phrase_then_a_bare_clause() {
        assert_eq!(
            found("The mayor said on Friday she met the builders."),
            ["indirect.clause | The mayor | said | she met the builders"]
        );
    }

    #[test]
    fn a_hedge_opens_a_bare_clause_after_a_verb_of_knowing() {
        assert_eq!(
            found("The coach thinks maybe the referees were too strict."),
            ["indirect.clause | The coach | thinks | maybe the referees were too strict"]
        );
    }

    #[test]
    fn a_clause_after_the_cue() {
        assert_eq!(
            found("Berg told the council that the bridge would open."),
            ["indirect.that | Berg | told | that the bridge would open | to the council"]
        );
        assert_eq!(
            found("Ashby told Berg the bridge would open."),
            ["indirect.clause | Ashby | told | the bridge would open | to Berg"]
        );
    }

    /// An outlet that relayed the report, after the content.
    #[test]
    fn a_relay_after_the_content() {
        assert_eq!(
            found("Berg told reporters on Monday that the bridge would open, as cited by Reuters."),
            ["indirect.that | Berg | told | that the bridge would open | to reporters | via Reuters"]
        );
    }

    #[test]
    fn an_infinitive_an_object_and_a_raised_subject() {
        assert_eq!(
            found("Berg wants to open the bridge in May."),
            ["indirect.infinitive | Berg | wants | to open the bridge"]
        );
        assert_eq!(
            found("Berg endorsed the plan in October."),
            ["indirect.object | Berg | endorsed | the plan"]
        );
        assert_eq!(
            found("The bridge is expected to open in May."),
            ["indirect.raised | - | expected | The bridge to open"]
        );
    }

    /// A participle and a second verb report for the sentence's speaker.
    #[test]
    fn the_sentences_speaker_again() {
        assert_eq!(
            found("Berg spoke for an hour, adding that the bridge would open."),
            ["indirect.participle | Berg | adding | that the bridge would open"]
        );
        assert_eq!(
            found("Berg thanked the crowd and said the bridge would open."),
            [
                "indirect.object | Berg | thanked | the crowd",
                "indirect.coordinated | Berg | said | the bridge would open",
            ]
        );
    }

    /// "…but refused to …" is the speaker's own act, not part of what
    /// was denied or said.
    #[test]
    fn a_refusal_after_but_ends_the_content() {
        assert_eq!(
            found("Berg denied that the bridge was unsafe but refused to say more."),
            [
                "indirect.that | Berg | denied | that the bridge was unsafe",
                "indirect.coordinated | Berg | refused | to say more",
            ]
        );
    }

    /// The relative pronoun stands for what is described.
    #[test]
    fn what_a_relative_pronoun_stands_for() {
        assert_eq!(
            found("The bridge, which the mayor described as safe, will open."),
            ["indirect.relative | the mayor | described | which as safe"]
        );
    }

    /// A passive verb of saying names no speaker: its subject was asked
    /// or told; with "by" after it, or as "'s" (has), it keeps its subject.
    #[test]
    fn a_passive_cue_names_no_speaker() {
        assert_eq!(
            found("The minister was asked whether the depot would close."),
            ["indirect.clause | - | asked | whether the depot would close"]
        );
        assert_eq!(
            found("The drivers were told that the depot would close."),
            ["indirect.that | - | told | that the depot would close"]
        );
        assert_eq!(
            found("The minister has asked whether the depot would close."),
            ["indirect.clause | The minister | asked | whether the depot would close"]
        );
    }
}
