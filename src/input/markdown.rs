//! Markdown → prose with pulldown-cmark's source offsets. Code blocks, raw HTML, front
//! matter and link targets are not prose; inline code is masked (one opaque word);
//! headings and list items are units of their own.

use super::{BlockHint, BlockKind, Prose, SourceMap};
use crate::text::span::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn parse(source: &str) -> Prose {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH;
    let mut b = Builder {
        source,
        text: String::with_capacity(source.len()),
        map: SourceMap::default(),
        blocks: Vec::new(),
        masks: Vec::new(),
        open: None,
    };
    let mut skip_depth = 0usize;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock) => {
                skip_depth += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock) => {
                skip_depth = skip_depth.saturating_sub(1)
            }
            _ if skip_depth > 0 => {}
            Event::Start(Tag::Heading { .. }) => b.open_block(BlockKind::Heading),
            Event::Start(Tag::Item) => b.open_block(BlockKind::ListItem),
            Event::Start(Tag::Paragraph | Tag::TableCell) => {
                // A loose list item wraps its text in a paragraph: keep the item.
                let in_fresh_item =
                    matches!(b.open, Some((start, BlockKind::ListItem)) if start == b.text.len());
                if !in_fresh_item {
                    b.open_block(BlockKind::Paragraph);
                }
            }
            Event::End(
                TagEnd::Heading(_) | TagEnd::Item | TagEnd::Paragraph | TagEnd::TableCell,
            ) => b.close_block(),
            Event::Text(t) => b.push_text(&t, range.start, range.end),
            Event::Code(_) => {
                let start = b.text.len();
                b.push_text(&source[range.clone()], range.start, range.end);
                b.masks.push(Span::new(start, b.text.len()));
            }
            Event::SoftBreak | Event::HardBreak => {
                b.push_text("\n", range.start, range.end);
            }
            _ => {}
        }
    }
    b.close_block();
    Prose {
        text: b.text,
        map: b.map,
        blocks: b.blocks,
        masks: b.masks,
    }
}

struct Builder<'a> {
    source: &'a str,
    text: String,
    map: SourceMap,
    blocks: Vec<BlockHint>,
    masks: Vec<Span>,
    open: Option<(usize, BlockKind)>,
}

impl Builder<'_> {
    fn open_block(&mut self, kind: BlockKind) {
        self.close_block();
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push_str("\n\n");
        }
        self.open = Some((self.text.len(), kind));
    }

    fn close_block(&mut self) {
        if let Some((start, kind)) = self.open.take()
            && self.text.len() > start
        {
            self.blocks.push(BlockHint {
                span: Span::new(start, self.text.len()),
                kind,
            });
        }
    }

    fn push_text(&mut self, text: &str, src_start: usize, src_end: usize) {
        if self.open.is_none() {
            self.open_block(BlockKind::Paragraph);
        }
        let exact = self.source.get(src_start..src_end) == Some(text);
        let src_len = if exact {
            text.len()
        } else {
            src_end - src_start
        };
        self.map
            .push(self.text.len(), text.len(), src_start, src_len);
        self.text.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_front_matter_are_not_prose() {
        let src = "---\ntitel: x\n---\n\n# Kop\n\nTekst met `code` erin.\n\n```\nindien\n```\n";
        let p = parse(src);
        assert_eq!(p.text, "Kop\n\nTekst met `code` erin.");
        assert_eq!(p.blocks[0].kind, BlockKind::Heading);
        assert_eq!(p.masks.len(), 1);
        let m = p.masks[0];
        assert_eq!(&p.text[m.start..m.end], "`code`");
    }

    #[test]
    fn offsets_map_back_to_source() {
        let src = "- eerste punt\n- [link](https://x.nl) tekst\n";
        let p = parse(src);
        let at = p.text.find("tekst").unwrap();
        let s = p.map.to_source(at, false);
        assert_eq!(&src[s..s + 5], "tekst");
        assert_eq!(p.blocks.len(), 2);
        assert!(p.blocks.iter().all(|b| b.kind == BlockKind::ListItem));
    }
}
