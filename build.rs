//! Lays out `wordlists/frequentie.tsv` as a ready-to-probe hash table in OUT_DIR, so the
//! binary does not parse 80,000 lines at start-up (it took 17 ms of a 40 ms run).
//! Layout (little-endian u32s, then bytes), read by `src/text/frequency.rs`:
//!   n_entries, n_slots (a power of two), slots[n_slots] (entry index + 1, 0 = empty),
//!   entries[n_entries] (offset << 8 | length into the word bytes), zipf×10[n_entries],
//!   word bytes.

#[path = "src/text/word_hash.rs"]
mod word_hash;

use std::collections::HashMap;
use std::path::Path;

fn main() {
    let src = "wordlists/frequentie.tsv";
    println!("cargo::rerun-if-changed={src}");
    println!("cargo::rerun-if-changed=src/text/word_hash.rs");
    let text = std::fs::read_to_string(src).expect("wordlists/frequentie.tsv");
    // Same reading as `config::embedded::tsv_rows`: skip blank and '#' lines, trim cells;
    // a later duplicate wins.
    let mut order: Vec<&str> = Vec::new();
    let mut zipf: HashMap<&str, u8> = HashMap::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cells = line.split('\t').map(str::trim);
        let (Some(word), Some(z)) = (cells.next(), cells.next()) else {
            continue;
        };
        let Ok(z) = z.parse::<f32>() else { continue };
        if zipf.insert(word, (z * 10.0).round() as u8).is_none() {
            order.push(word);
        }
    }
    let n = order.len();
    let slots_len = (n * 2).next_power_of_two();
    let mask = slots_len - 1;
    let mut slots = vec![0u32; slots_len];
    let mut entries = Vec::with_capacity(n);
    let mut zipfs = Vec::with_capacity(n);
    let mut words = Vec::new();
    for (i, w) in order.iter().enumerate() {
        assert!(w.len() < 256 && words.len() < 1 << 24, "entry too long");
        entries.push(((words.len() as u32) << 8) | w.len() as u32);
        zipfs.push(zipf[w]);
        words.extend_from_slice(w.as_bytes());
        let mut s = word_hash::fnv1a(w.as_bytes()) as usize & mask;
        while slots[s] != 0 {
            s = (s + 1) & mask;
        }
        slots[s] = i as u32 + 1;
    }
    let mut out = Vec::new();
    for v in [n as u32, slots_len as u32]
        .into_iter()
        .chain(slots)
        .chain(entries)
    {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&zipfs);
    out.extend_from_slice(&words);
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("frequentie.bin");
    std::fs::write(dest, out).expect("write frequentie.bin");
}
