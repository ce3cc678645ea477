//! CN 22 and CN 23 as readable lines (for a screen, a terminal, or an officer's check).

use crate::message::Message;

use super::form::{Category, Cn22, Cn23, ContentLine, Party};

fn party(id: &'static str, p: &Party) -> Message {
    let mut place = Vec::new();
    if let Some(code) = p
        .postcode
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        place.push(code.to_owned());
    }
    place.push(p.city.trim().to_owned());
    Message::new(id)
        .text("name", p.name.trim())
        .text("street", p.street.trim())
        .text("place", place.join(" "))
        .text("country", p.country.trim())
}

fn categories(list: &[Category], explanation: Option<&str>) -> Vec<Message> {
    let mut out: Vec<Message> = list
        .iter()
        .map(|c| Message::new("postal-text-category").term("category", c.term()))
        .collect();
    if let Some(e) = explanation.map(str::trim).filter(|e| !e.is_empty()) {
        out.push(Message::new("postal-text-explanation").text("text", e));
    }
    out
}

fn line(n: usize, l: &ContentLine) -> Message {
    Message::new("postal-text-line")
        .int("n", i64::try_from(n).unwrap_or(i64::MAX))
        .text("description", l.description.trim())
        .number("quantity", l.quantity)
        .number("kg", l.net_weight_kg)
        .money("value", l.value.amount, l.value.currency)
        .text("hs", l.hs_code.as_deref().unwrap_or("–"))
        .text("origin", l.origin.as_deref().unwrap_or("–"))
}

fn common(
    form: &'static str,
    sender: &Party,
    addressee: &Party,
    cats: &[Category],
    explanation: Option<&str>,
    contents: &[ContentLine],
) -> Vec<Message> {
    let mut out = vec![
        Message::new("postal-text-form").text("form", form),
        party("postal-text-sender", sender),
        party("postal-text-addressee", addressee),
    ];
    out.extend(categories(cats, explanation));
    out.extend(contents.iter().enumerate().map(|(i, l)| line(i + 1, l)));
    out
}

impl Cn22 {
    /// The form in readable lines.
    pub fn text_lines(&self) -> Vec<Message> {
        let mut out = common(
            "CN 22",
            &self.sender,
            &self.addressee,
            &self.categories,
            self.explanation.as_deref(),
            &self.contents,
        );
        out.push(
            Message::new("postal-text-totals")
                .number("kg", self.total_weight_kg)
                .money("value", self.total_value.amount, self.total_value.currency),
        );
        out.push(Message::new("postal-text-signed-on").date("date", self.signed_on));
        out
    }
}

impl Cn23 {
    /// The form in readable lines.
    pub fn text_lines(&self) -> Vec<Message> {
        let mut out = common(
            "CN 23",
            &self.sender,
            &self.addressee,
            &self.categories,
            self.explanation.as_deref(),
            &self.contents,
        );
        out.push(
            Message::new("postal-text-totals")
                .number("kg", self.total_weight_kg)
                .money("value", self.total_value.amount, self.total_value.currency),
        );
        if let Some(c) = self.postal_charges {
            out.push(Message::new("postal-text-charges").money("value", c.amount, c.currency));
        }
        for (id, list) in [
            ("postal-text-licence", &self.licences),
            ("postal-text-certificate", &self.certificates),
        ] {
            for number in list {
                out.push(Message::new(id).text("number", number.trim()));
            }
        }
        if let Some(i) = self.invoice.as_deref() {
            out.push(Message::new("postal-text-invoice").text("number", i.trim()));
        }
        if let Some(c) = self.comments.as_deref() {
            out.push(Message::new("postal-text-comments").text("text", c.trim()));
        }
        out.push(Message::new("postal-text-signed-on").date("date", self.signed_on));
        out
    }
}
