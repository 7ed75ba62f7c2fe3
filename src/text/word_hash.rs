//! FNV-1a, 64 bits, and the open-addressing tables over it that `build.rs` lays out (the
//! frequency list, the first-word index of a prebuilt word list) and the program probes.
//! Shared by both sides, so they agree; nothing depends on the platform's word size.

pub const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// The slots of an open-addressing table over `keys` (linear probing from each key's
/// FNV-1a hash): twice as many slots as keys, a power of two; a slot holds its key's
/// index + 1, or 0 when empty. Laid out by `build.rs`, probed with [`probe`].
pub fn slots<'a>(keys: impl ExactSizeIterator<Item = &'a [u8]>) -> Vec<u32> {
    let len = (keys.len() * 2).next_power_of_two();
    let mut slots = vec![0u32; len];
    for (i, key) in keys.enumerate() {
        let mut s = fnv1a(key) as usize & (len - 1);
        while slots[s] != 0 {
            s = (s + 1) & (len - 1);
        }
        slots[s] = i as u32 + 1;
    }
    slots
}

/// The index of `key` in a table made by [`slots`]: `slot(s)` reads slot `s` of the
/// `len` slots, `is_key(i)` says whether key `i` is `key`. Inlined: it runs for every
/// word of a text (frequency list, first-word index).
#[inline]
pub fn probe(
    len: usize,
    slot: impl Fn(usize) -> u32,
    key: &[u8],
    is_key: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut s = fnv1a(key) as usize & (len - 1);
    loop {
        match slot(s) {
            0 => return None,
            k if is_key(k as usize - 1) => return Some(k as usize - 1),
            _ => s = (s + 1) & (len - 1),
        }
    }
}
