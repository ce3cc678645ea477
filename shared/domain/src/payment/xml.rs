//! A minimal, deterministic XML writer: elements indented by two spaces, leaf elements on
//! one line, text and attribute values escaped.

/// Escapes `&`, `<`, `>`, `"` and `'` for element text and attribute values.
pub(crate) fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// Writes an XML document into a string.
#[derive(Debug)]
pub(crate) struct XmlWriter {
    out: String,
    open: Vec<&'static str>,
}

impl XmlWriter {
    /// A document starting with the UTF-8 XML declaration.
    pub(crate) fn new() -> Self {
        Self {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            open: Vec::new(),
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    fn start_tag(&mut self, name: &'static str, attr: Option<(&str, &str)>) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        if let Some((key, value)) = attr {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape(value, &mut self.out);
            self.out.push('"');
        }
        self.out.push('>');
    }

    /// Opens an element with children.
    pub(crate) fn open(&mut self, name: &'static str) -> &mut Self {
        self.open_with(name, None)
    }

    /// Opens an element with one attribute and children.
    pub(crate) fn open_with(
        &mut self,
        name: &'static str,
        attr: Option<(&str, &str)>,
    ) -> &mut Self {
        self.start_tag(name, attr);
        self.out.push('\n');
        self.open.push(name);
        self
    }

    /// Closes the innermost open element.
    pub(crate) fn close(&mut self) -> &mut Self {
        if let Some(name) = self.open.pop() {
            self.indent();
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
        self
    }

    /// An element holding only text.
    pub(crate) fn leaf(&mut self, name: &'static str, text: &str) -> &mut Self {
        self.leaf_with(name, None, text)
    }

    /// An element with one attribute, holding only text.
    pub(crate) fn leaf_with(
        &mut self,
        name: &'static str,
        attr: Option<(&str, &str)>,
        text: &str,
    ) -> &mut Self {
        self.start_tag(name, attr);
        escape(text, &mut self.out);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
        self
    }

    /// The document, with every open element closed.
    pub(crate) fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_indents() {
        let mut w = XmlWriter::new();
        w.open_with("A", Some(("k", "a\"b")))
            .leaf("B", "x & y <z> 'q' \"r\"");
        assert_eq!(
            w.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<A k=\"a&quot;b\">\n  \
             <B>x &amp; y &lt;z&gt; &apos;q&apos; &quot;r&quot;</B>\n</A>\n"
        );
    }
}
