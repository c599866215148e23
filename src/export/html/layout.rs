//! A seeded force-directed layout (Fruchterman–Reingold with a Barnes–Hut
//! quadtree for the repulsion), computed once at export so the page opens
//! with every node in place.
//!
//! Steps, per connected component: Fruchterman–Reingold forces with
//! repulsion weighted by degree (ForceAtlas2's idea, so hubs such as a
//! speaker and an article keep apart and their statements fan out around
//! them), a scale that puts the median nearest-neighbour distance at a
//! fixed length, and a few rounds that push overlapping nodes apart by
//! their drawn radii. About 1.5 s for 5,000 nodes and 26,000 edges.
//!
//! Hand-written: of the layout crates on crates.io, `forceatlas2` is
//! AGPL-3.0 (this crate is MIT/Apache), `fdg-sim` (last released 2022)
//! pins petgraph 0.6 and a global random generator and computes all pairs,
//! and `force_graph` is an all-pairs game toy. None is both reproducible
//! and fast at 5,000 nodes; the algorithm is a few hundred lines.
//!
//! Reproducible: positions start from a fixed-seed generator, nodes and
//! edges are visited in index order, the quadtree is built in index order,
//! and only `+ - * /` and `sqrt` are used (correctly rounded in IEEE 754),
//! so the same graph gives the same coordinates on every machine.
//!
//! Each connected component is laid out on its own and the components are
//! packed in rows, biggest first, so unrelated articles neither fly apart
//! nor overlap.

/// Ideal edge length in output units.
pub(crate) const EDGE_LEN: f64 = 70.0;

/// Barnes–Hut opening angle: a cell whose size over distance is below this
/// acts as one body.
const THETA: f64 = 0.8;

/// Gravity toward the component's centre, per unit of distance.
const GRAVITY: f64 = 0.04;

/// The median distance from a node to its nearest neighbour, in output
/// units.
const NEAREST: f64 = 0.8 * EDGE_LEN;

/// Repulsion grows with degree, as `(1 + degree)^MASS_EXP` for each end
/// (ForceAtlas2's idea): hubs push each other apart and their leaves
/// spread around them instead of piling up between hubs.
const MASS_EXP: f64 = 1.0;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Positions for nodes of the given `radius` (as drawn, in output units)
/// joined by `edges` (`from`, `to`, weight: how strongly the edge pulls),
/// with edges about [`EDGE_LEN`] long and no two nodes overlapping.
pub(crate) fn layout(radius: &[f64], edges: &[(usize, usize, f64)], seed: u64) -> Vec<[f64; 2]> {
    let n = radius.len();
    let mut out = vec![[0.0, 0.0]; n];
    if n == 0 {
        return out;
    }
    // connected components, numbered in order of their smallest node
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for &(a, b, _) in edges {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut comp_of_root = vec![usize::MAX; n];
    let mut comps: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        if comp_of_root[r] == usize::MAX {
            comp_of_root[r] = comps.len();
            comps.push(Vec::new());
        }
        comps[comp_of_root[r]].push(i);
    }
    let mut local = vec![0usize; n];
    let mut comp_edges: Vec<Vec<(usize, usize, f64)>> = vec![Vec::new(); comps.len()];
    for (c, members) in comps.iter().enumerate() {
        for (j, &i) in members.iter().enumerate() {
            local[i] = j;
            comp_of_root[i] = c; // reuse as node → component
        }
    }
    for &(a, b, w) in edges {
        if a != b {
            comp_edges[comp_of_root[a]].push((local[a], local[b], w));
        }
    }
    // lay out each component, then pack their bounding boxes in rows
    let mut boxes: Vec<(usize, Vec<[f64; 2]>, [f64; 4])> = comps
        .iter()
        .enumerate()
        .map(|(c, members)| {
            let seed = seed ^ (c as u64).wrapping_mul(0x2545_F491_4F6C_DD1D);
            let mut pos = force(members.len(), &comp_edges[c], seed);
            let radii: Vec<f64> = members.iter().map(|&i| radius[i]).collect();
            separate(&mut pos, &radii);
            let bb = bounds(&pos);
            (c, pos, bb)
        })
        .collect();
    boxes.sort_by(|a, b| comps[b.0].len().cmp(&comps[a.0].len()).then(a.0.cmp(&b.0)));
    let gap = EDGE_LEN;
    let area: f64 = boxes
        .iter()
        .map(|b| (b.2[2] - b.2[0] + gap) * (b.2[3] - b.2[1] + gap))
        .sum();
    let widest = boxes
        .iter()
        .map(|b| b.2[2] - b.2[0] + gap)
        .fold(0.0, f64::max);
    // rows about 1.6 times as wide as the stack is high, like a screen
    let row_width = widest.max((area * 1.6).sqrt());
    let (mut x, mut y, mut row_h) = (0.0f64, 0.0f64, 0.0f64);
    for (c, pos, bb) in &boxes {
        let (w, h) = (bb[2] - bb[0] + gap, bb[3] - bb[1] + gap);
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_h;
            row_h = 0.0;
        }
        for (j, &i) in comps[*c].iter().enumerate() {
            out[i] = [pos[j][0] - bb[0] + x, pos[j][1] - bb[1] + y];
        }
        x += w;
        row_h = row_h.max(h);
    }
    // centre on the origin
    let bb = bounds(&out);
    let (cx, cy) = ((bb[0] + bb[2]) / 2.0, (bb[1] + bb[3]) / 2.0);
    for p in &mut out {
        p[0] -= cx;
        p[1] -= cy;
    }
    out
}

/// `[min x, min y, max x, max y]`.
fn bounds(pos: &[[f64; 2]]) -> [f64; 4] {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for p in pos {
        b[0] = b[0].min(p[0]);
        b[1] = b[1].min(p[1]);
        b[2] = b[2].max(p[0]);
        b[3] = b[3].max(p[1]);
    }
    if pos.is_empty() {
        [0.0; 4]
    } else {
        b
    }
}

/// Fruchterman–Reingold on one connected component: repulsion `k²/d`
/// between all pairs (Barnes–Hut), attraction `w·d²/k` along edges, a weak
/// pull to the centre, and moves capped by a temperature that cools
/// linearly.
fn force(n: usize, edges: &[(usize, usize, f64)], seed: u64) -> Vec<[f64; 2]> {
    let k = EDGE_LEN;
    if n == 1 {
        return vec![[0.0, 0.0]];
    }
    let side = (n as f64).sqrt() * k;
    let mut rng = Rng(seed);
    let mut pos: Vec<[f64; 2]> = (0..n)
        .map(|_| [(rng.unit() - 0.5) * side, (rng.unit() - 0.5) * side])
        .collect();
    // fewer rounds for big graphs: each costs O(n log n)
    let iters = (200_000 / n).clamp(120, 500);
    let t0 = side / 8.0;
    let mut deg = vec![0usize; n];
    for &(a, b, _) in edges {
        deg[a] += 1;
        deg[b] += 1;
    }
    let mut mass: Vec<f64> = deg.iter().map(|&d| mass_of(d)).collect();
    let mean = mass.iter().sum::<f64>() / n as f64;
    for m in &mut mass {
        *m /= mean;
    }
    let mut disp = vec![[0.0f64; 2]; n];
    let mut tree = QuadTree::default();
    for it in 0..iters {
        tree.build(&pos, &mass);
        for (i, d) in disp.iter_mut().enumerate() {
            *d = tree.repulsion(i, &pos, &mass, k * k);
            d[0] -= GRAVITY * pos[i][0];
            d[1] -= GRAVITY * pos[i][1];
        }
        for &(a, b, w) in edges {
            let dx = pos[a][0] - pos[b][0];
            let dy = pos[a][1] - pos[b][1];
            let dist = (dx * dx + dy * dy).sqrt();
            // force w·d²/k along the unit vector: w·d/k times (dx, dy)
            let f = w * dist / k;
            disp[a][0] -= dx * f;
            disp[a][1] -= dy * f;
            disp[b][0] += dx * f;
            disp[b][1] += dy * f;
        }
        let t = t0 * (1.0 - it as f64 / iters as f64) + k * 0.02;
        for (p, d) in pos.iter_mut().zip(&disp) {
            let len = (d[0] * d[0] + d[1] * d[1]).sqrt();
            if len > 0.0 {
                let step = len.min(t) / len;
                p[0] += d[0] * step;
                p[1] += d[1] * step;
            }
        }
        // keep the centre of mass at the origin
        let (mut sx, mut sy) = (0.0, 0.0);
        for p in &pos {
            sx += p[0];
            sy += p[1];
        }
        let (sx, sy) = (sx / n as f64, sy / n as f64);
        for p in &mut pos {
            p[0] -= sx;
            p[1] -= sy;
        }
    }
    // scale so that the median distance from a node to its nearest
    // neighbour is fixed: node sizes and labels are in the same units
    let sample = n.min(2000);
    let mut nearest: Vec<f64> = (0..sample)
        .map(|i| {
            let mut best = f64::MAX;
            for (j, q) in pos.iter().enumerate() {
                if j != i {
                    let (dx, dy) = (pos[i][0] - q[0], pos[i][1] - q[1]);
                    best = best.min(dx * dx + dy * dy);
                }
            }
            best.sqrt()
        })
        .collect();
    nearest.sort_by(f64::total_cmp);
    let median = nearest[nearest.len() / 2];
    if median > 1e-9 {
        let s = NEAREST / median;
        for p in &mut pos {
            p[0] *= s;
            p[1] *= s;
        }
    }
    pos
}

/// Push apart nodes closer than their radii plus a margin, a few rounds
/// over a grid of nearby pairs, so no node hides another.
fn separate(pos: &mut [[f64; 2]], radius: &[f64]) {
    const MARGIN: f64 = 4.0;
    let n = pos.len();
    let max_r = radius.iter().copied().fold(0.0, f64::max);
    let cell = 2.0 * max_r + MARGIN;
    if n < 2 || cell <= 0.0 {
        return;
    }
    let key = |p: &[f64; 2]| ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> =
        std::collections::HashMap::new();
    for _ in 0..60 {
        grid.clear();
        for (i, p) in pos.iter().enumerate() {
            grid.entry(key(p)).or_default().push(i);
        }
        let mut moved = false;
        for i in 0..n {
            let (cx, cy) = key(&pos[i]);
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    let Some(list) = grid.get(&(gx, gy)) else {
                        continue;
                    };
                    for &j in list {
                        if j <= i {
                            continue;
                        }
                        let min = radius[i] + radius[j] + MARGIN;
                        let (mut dx, mut dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
                        let mut d = (dx * dx + dy * dy).sqrt();
                        if d >= min {
                            continue;
                        }
                        if d < 1e-9 {
                            // coincident: apart along a direction fixed by the pair
                            dx = 1.0 + (i % 7) as f64;
                            dy = 1.0 + (j % 5) as f64;
                            d = (dx * dx + dy * dy).sqrt();
                        }
                        let push = (min - d) / 2.0 / d;
                        pos[i][0] += dx * push;
                        pos[i][1] += dy * push;
                        pos[j][0] -= dx * push;
                        pos[j][1] -= dy * push;
                        moved = true;
                    }
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// `(1 + degree)^MASS_EXP`, with the common exponents exact.
fn mass_of(degree: usize) -> f64 {
    let d = 1.0 + degree as f64;
    if MASS_EXP == 1.0 {
        d
    } else if MASS_EXP == 0.5 {
        d.sqrt()
    } else {
        d.powf(MASS_EXP)
    }
}

const NONE: u32 = u32::MAX;

/// One square of the quadtree.
#[derive(Clone, Copy)]
struct Cell {
    /// Lower corner and side.
    x0: f64,
    y0: f64,
    size: f64,
    /// Bodies inside, and the sum of their positions.
    mass: f64,
    sx: f64,
    sy: f64,
    /// Children by quadrant, or NONE.
    child: [u32; 4],
    /// For a leaf: its first body (more follow in `next` when bodies
    /// coincide at the smallest cell size).
    head: u32,
}

/// A Barnes–Hut quadtree over positions, rebuilt every round.
#[derive(Default)]
struct QuadTree {
    cells: Vec<Cell>,
    next: Vec<u32>,
    stack: Vec<u32>,
}

impl QuadTree {
    fn build(&mut self, pos: &[[f64; 2]], mass: &[f64]) {
        let bb = bounds(pos);
        let size = (bb[2] - bb[0]).max(bb[3] - bb[1]).max(1e-6) * 1.0001;
        self.cells.clear();
        self.next.clear();
        self.next.resize(pos.len(), NONE);
        self.cells.push(Cell::new(bb[0], bb[1], size));
        let min_size = size * 1e-9;
        for (b, p) in pos.iter().enumerate() {
            let m = mass[b];
            let mut c = 0usize;
            loop {
                let cell = &mut self.cells[c];
                cell.mass += m;
                cell.sx += m * p[0];
                cell.sy += m * p[1];
                if cell.child != [NONE; 4] {
                    c = self.child_for(c, p);
                    continue;
                }
                if cell.head == NONE {
                    cell.head = b as u32;
                    break;
                }
                if cell.size < min_size {
                    // coincident bodies: chain them in this leaf
                    self.next[b] = cell.head;
                    self.cells[c].head = b as u32;
                    break;
                }
                // split: move the resident body down one level
                let old = cell.head as usize;
                cell.head = NONE;
                let q = self.child_for(c, &pos[old]);
                let child = &mut self.cells[q];
                let mo = mass[old];
                child.mass += mo;
                child.sx += mo * pos[old][0];
                child.sy += mo * pos[old][1];
                child.head = old as u32;
                c = self.child_for(c, p);
            }
        }
    }

    /// The child of `c` whose quadrant holds `p`, created if missing.
    fn child_for(&mut self, c: usize, p: &[f64; 2]) -> usize {
        let cell = self.cells[c];
        let half = cell.size / 2.0;
        let right = p[0] >= cell.x0 + half;
        let up = p[1] >= cell.y0 + half;
        let q = usize::from(right) + 2 * usize::from(up);
        if cell.child[q] == NONE {
            let x0 = if right { cell.x0 + half } else { cell.x0 };
            let y0 = if up { cell.y0 + half } else { cell.y0 };
            self.cells.push(Cell::new(x0, y0, half));
            let ix = (self.cells.len() - 1) as u32;
            self.cells[c].child[q] = ix;
        }
        self.cells[c].child[q] as usize
    }

    /// The repulsion on body `i`: `k2·mᵢ·mⱼ / d` from every other body,
    /// far cells taken as one body at their centre of mass.
    fn repulsion(&mut self, i: usize, pos: &[[f64; 2]], mass: &[f64], k2: f64) -> [f64; 2] {
        let [x, y] = pos[i];
        let mut f = [0.0, 0.0];
        let mut push = |dx: f64, dy: f64, m: f64, j: usize| {
            let mut d2 = dx * dx + dy * dy;
            let (mut dx, mut dy) = (dx, dy);
            if d2 < 1e-9 {
                // coincident: push apart along a direction fixed by the pair
                let s = if i < j { 1.0 } else { -1.0 };
                dx = s * 0.01 * (1.0 + (i % 7) as f64);
                dy = s * 0.01 * (1.0 + (j % 5) as f64);
                d2 = dx * dx + dy * dy;
            }
            // k²·m/d along the unit vector: k²·m/d² times (dx, dy)
            let s = k2 * m / d2;
            f[0] += dx * s;
            f[1] += dy * s;
        };
        self.stack.clear();
        self.stack.push(0);
        while let Some(c) = self.stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.mass == 0.0 {
                continue;
            }
            if cell.child == [NONE; 4] {
                let mut b = cell.head;
                while b != NONE {
                    let j = b as usize;
                    if j != i {
                        push(x - pos[j][0], y - pos[j][1], mass[j], j);
                    }
                    b = self.next[j];
                }
                continue;
            }
            let (cx, cy) = (cell.sx / cell.mass, cell.sy / cell.mass);
            let (dx, dy) = (x - cx, y - cy);
            let d2 = dx * dx + dy * dy;
            let inside =
                x >= cell.x0 && x < cell.x0 + cell.size && y >= cell.y0 && y < cell.y0 + cell.size;
            if !inside && cell.size * cell.size < THETA * THETA * d2 {
                push(dx, dy, cell.mass, usize::MAX);
            } else {
                for &ch in cell.child.iter().rev() {
                    if ch != NONE {
                        self.stack.push(ch);
                    }
                }
            }
        }
        [f[0] * mass[i], f[1] * mass[i]]
    }
}

impl Cell {
    fn new(x0: f64, y0: f64, size: f64) -> Cell {
        Cell {
            x0,
            y0,
            size,
            mass: 0.0,
            sx: 0.0,
            sy: 0.0,
            child: [NONE; 4],
            head: NONE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: usize) -> Vec<(usize, usize, f64)> {
        (0..n).map(|i| (i, (i + 1) % n, 1.0)).collect()
    }

    #[test]
    fn same_input_same_positions() {
        let e = ring(40);
        let r = vec![5.0; 40];
        assert_eq!(layout(&r, &e, 7), layout(&r, &e, 7));
        assert_ne!(layout(&r, &e, 7), layout(&r, &e, 8));
    }

    #[test]
    fn edges_end_up_near_their_ideal_length_and_nodes_apart() {
        let e = ring(30);
        let p = layout(&[5.0; 30], &e, 1);
        let d =
            |a: usize, b: usize| ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt();
        for &(a, b, _) in &e {
            let l = d(a, b);
            assert!(l > EDGE_LEN * 0.3 && l < EDGE_LEN * 3.0, "{l}");
        }
        for a in 0..30 {
            for b in a + 1..30 {
                assert!(d(a, b) >= 10.0, "{a} {b} overlap");
            }
        }
    }

    #[test]
    fn components_do_not_overlap() {
        // two triangles and a lone node
        let e = vec![
            (0, 1, 1.0),
            (1, 2, 1.0),
            (2, 0, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
        ];
        let p = layout(&[5.0; 7], &e, 3);
        let bb = |ix: &[usize]| bounds(&ix.iter().map(|&i| p[i]).collect::<Vec<_>>());
        let (a, b) = (bb(&[0, 1, 2]), bb(&[3, 4, 5]));
        let apart = a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1];
        assert!(apart, "{a:?} {b:?}");
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
    }

    #[test]
    fn big_nodes_do_not_overlap() {
        // a hub with 30 leaves, all drawn large
        let e: Vec<_> = (1..31).map(|i| (0, i, 1.0)).collect();
        let mut r = vec![12.0; 31];
        r[0] = 30.0;
        let p = layout(&r, &e, 5);
        for a in 0..31 {
            for b in a + 1..31 {
                let d = ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt();
                assert!(d >= r[a] + r[b], "{a} {b}: {d}");
            }
        }
    }

    #[test]
    fn coincident_start_positions_are_pushed_apart() {
        let mut t = QuadTree::default();
        let pos = vec![[1.0, 1.0]; 4];
        let mass = vec![1.0; 4];
        t.build(&pos, &mass);
        let f = t.repulsion(0, &pos, &mass, 1.0);
        assert!(f[0].is_finite() && f[0] != 0.0);
    }
}
