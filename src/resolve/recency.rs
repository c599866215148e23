//! "The most recently mentioned …": entities by group, newest first.

use std::collections::HashMap;

use super::Entity;

/// What a recency set holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Group {
    /// Entities holding a role that a description headed by this word
    /// may name: "minister" for a "foreign minister", and the heads the
    /// titles lexicon says the title implies ("diplomat"). The word is
    /// an id from `Resolver::head_ids`, so a group is hashed without a
    /// string.
    Head(u32),
    /// People with a role of this entity (a place or an owner): read
    /// together with a `Head` group for "the Kenyan minister", "the
    /// minister of Kenya". Apart, so a person is in heads + owners
    /// groups, not heads × owners.
    Owner(usize),
    /// Organizations that have spoken ("it", "they").
    SpeakingOrg,
}

/// Entities of each group ordered by their latest mention, kept up to
/// date as mentions arrive, so "the most recently mentioned person who is
/// a minister" reads the newest member first instead of scanning every
/// entity of the document (which made huge documents quadratic).
#[derive(Default)]
pub(super) struct Recency {
    /// The id of each group's log.
    ids: HashMap<Group, usize, crate::lexicon::FastHash>,
    /// Per group id, (latest mention, entity) in ascending order. A
    /// mention appends the entity again rather than moving it (a tree
    /// move per mention cost more than the rest of resolution), so older
    /// entries go stale: an entry is current when its position is the
    /// entity's latest. Stale entries are swept once they outnumber the
    /// rest.
    logs: Vec<Vec<(usize, usize)>>,
    /// Entries in each log, current ones.
    live: Vec<usize>,
    /// The group ids of each entity (by index).
    groups: Vec<Vec<usize>>,
}

impl Recency {
    /// Put entity `e`, last seen at `last_seen`, into `group`.
    pub(super) fn join(&mut self, e: usize, last_seen: usize, group: Group) {
        let next = self.logs.len();
        let id = *self.ids.entry(group).or_insert(next);
        if id == next {
            self.logs.push(Vec::new());
            self.live.push(0);
        }
        if self.groups.len() <= e {
            self.groups.resize_with(e + 1, Vec::new);
        }
        if !self.groups[e].contains(&id) {
            insert_sorted(&mut self.logs[id], (last_seen, e));
            self.live[id] += 1;
            self.groups[e].push(id);
        }
    }

    /// Entity `e`'s latest mention moved to `ents[e].last_seen`.
    pub(super) fn moved(&mut self, e: usize, ents: &[Entity]) {
        let Some(groups) = self.groups.get(e) else {
            return;
        };
        for &id in groups {
            let log = &mut self.logs[id];
            insert_sorted(log, (ents[e].last_seen, e));
            if log.len() > 2 * self.live[id] + 64 {
                log.retain(|&(p, x)| ents[x].last_seen == p);
            }
        }
    }

    /// Members of `group`, most recently seen first (ties: the later
    /// entity first, as `max_by_key` over all entities would pick).
    pub(super) fn newest<'s>(
        &'s self,
        group: &Group,
        ents: &'s [Entity],
    ) -> impl Iterator<Item = usize> + 's {
        self.ids.get(group).into_iter().flat_map(move |&id| {
            self.logs[id]
                .iter()
                .rev()
                .filter(|&&(p, e)| ents[e].last_seen == p)
                .map(|&(_, e)| e)
        })
    }
}

/// The items of `a` and `b` alternately (all of `a` when there is no
/// `b`), until one runs out.
pub(super) fn either_in_turns(
    a: impl Iterator<Item = usize>,
    b: Option<impl Iterator<Item = usize>>,
) -> impl Iterator<Item = usize> {
    let mut a = a.fuse();
    let mut b = b.map(Iterator::fuse);
    let mut from_b = false;
    std::iter::from_fn(move || {
        let next = match (&mut b, from_b) {
            (Some(b), true) => b.next(),
            _ => a.next(),
        };
        if b.is_some() {
            from_b = !from_b;
        }
        next
    })
}

/// Insert into an ascending list that mostly grows at its end; equal
/// items are kept once.
pub(super) fn insert_sorted(v: &mut Vec<(usize, usize)>, item: (usize, usize)) {
    if v.last().is_none_or(|&l| l < item) {
        v.push(item);
    } else if let Err(at) = v.binary_search(&item) {
        v.insert(at, item);
    }
}
