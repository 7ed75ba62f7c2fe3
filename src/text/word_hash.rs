//! FNV-1a, 64 bits: the hash of the prebuilt frequency table. Shared by `build.rs`
//! (which lays the table out) and `text::frequency` (which probes it), so both must use
//! this one function; it does not depend on the platform's word size.

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
