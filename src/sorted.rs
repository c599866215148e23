//! Set operations on sorted, deduplicated slices: the evaluator's token
//! sets and the claim grouper's word hashes are both kept this way, so
//! one merge walk serves both.

use std::cmp::Ordering;

/// How many elements two sorted, deduplicated slices share.
pub(crate) fn intersection_len<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::intersection_len;

    #[test]
    fn counts_shared_elements_of_sorted_sets() {
        assert_eq!(intersection_len(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(intersection_len::<u32>(&[], &[1]), 0);
        assert_eq!(intersection_len(&["a", "b"], &["a", "b"]), 2);
    }
}
