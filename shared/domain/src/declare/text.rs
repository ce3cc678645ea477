//! The declaration as translatable lines, for a front to print or lay out.

use super::{count, Charges, DeclaredItem, PassengerDeclaration};
use crate::message::Message;
use crate::pack::{CashPer, Compare};

impl PassengerDeclaration {
    /// The declaration as lines to translate, in this order: title, pack, declarant, travellers
    /// (with guardians), goods (each with owner, quantity, value, reasons, permits, charges),
    /// unaccompanied articles, cash, totals, channel with its reason, then the notices.
    pub fn text_lines(&self) -> Vec<Message> {
        let mut lines = vec![
            Message::new("declare-text-title")
                .text("jurisdiction", self.jurisdiction.clone())
                .date("arrival", self.arrival)
                .term("mode", self.mode.term()),
            Message::new("declare-text-pack").date("date", self.pack_valid_from),
            Message::new("declare-text-declarant").text("traveller", self.label(self.declarant)),
        ];
        for t in &self.travellers {
            lines.push(
                Message::new("declare-text-traveller")
                    .text("traveller", t.id.clone())
                    .int("age", i64::from(t.age)),
            );
            if let Some(g) = t.guardian {
                let id = match g.by {
                    super::GuardianBy::Named => "declare-text-guardian-named",
                    super::GuardianBy::FirstAdult => "declare-text-guardian-first-adult",
                };
                lines.push(
                    Message::new(id)
                        .text("traveller", t.id.clone())
                        .text("guardian", self.label(g.traveller)),
                );
            }
        }
        if self.goods.is_empty() {
            lines.push(Message::new("declare-text-no-goods"));
        } else {
            lines.push(Message::new("declare-text-goods").int("count", count(self.goods.len())));
            for d in &self.goods {
                self.item_lines(d, &mut lines);
            }
        }
        if !self.unaccompanied.is_empty() {
            lines.push(
                Message::new("declare-text-unaccompanied")
                    .int("count", count(self.unaccompanied.len())),
            );
            for d in &self.unaccompanied {
                self.item_lines(d, &mut lines);
            }
        }
        if let Some(cash) = &self.cash {
            lines.push(
                Message::new("declare-text-cash")
                    .money("threshold", cash.threshold.amount, cash.threshold.currency)
                    .term(
                        "compare",
                        match cash.compare {
                            Compare::AtLeast => "compare-at-least",
                            Compare::MoreThan => "compare-more-than",
                        },
                    )
                    .term(
                        "per",
                        match cash.per {
                            CashPer::Traveller => "declare-cash-per-traveller",
                            CashPer::Party => "declare-cash-per-party",
                        },
                    ),
            );
            for h in &cash.holdings {
                lines.push(
                    Message::new("declare-text-cash-holding")
                        .text("traveller", self.label(h.carrier))
                        .money("total", h.total, self.currency),
                );
                if let Some(o) = h.owner {
                    lines.push(Message::new("declare-text-owner").text("owner", self.label(o)));
                }
                for m in &h.amounts {
                    lines.push(
                        Message::new("declare-text-cash-amount")
                            .money("amount", m.amount, m.currency),
                    );
                }
            }
        }
        lines.push(self.charges_line("declare-text-totals", &self.totals));
        if !self.complete {
            lines.push(Message::new("declare-text-incomplete"));
        }
        lines.push(Message::new("declare-text-channel").term(
            "channel",
            match self.channel {
                crate::assess::Channel::Green => "channel-green",
                crate::assess::Channel::Red => "channel-red",
            },
        ));
        lines.push(self.verdict());
        lines.extend(self.notices.iter().cloned());
        lines
    }

    fn label(&self, traveller: usize) -> String {
        self.travellers
            .get(traveller)
            .map_or_else(|| format!("#{}", traveller + 1), |t| t.id.clone())
    }

    fn item_lines(&self, d: &DeclaredItem, lines: &mut Vec<Message>) {
        lines.push(
            Message::new("declare-text-item")
                .int("item", count(d.item + 1))
                .text("description", d.description.clone())
                .term("kind", d.kind.term())
                .text("carrier", self.label(d.carrier)),
        );
        if let Some(o) = d.owner {
            lines.push(Message::new("declare-text-owner").text("owner", self.label(o)));
        }
        if let Some(q) = d.quantity {
            lines.push(
                Message::new("declare-text-quantity")
                    .number("amount", q.amount)
                    .term("unit", q.unit.term()),
            );
        }
        if let Some(v) = d.value {
            lines.push(Message::new("declare-text-value").money("value", v.amount, v.currency));
        }
        for r in &d.reasons {
            lines.push(Message::new("declare-text-reason").term("reason", r.term()));
        }
        for p in &d.permits {
            lines.push(
                Message::new("declare-text-permit")
                    .term("permit", p.permit.term())
                    .text("authority", p.authority.clone()),
            );
        }
        lines.push(self.charges_line("declare-text-charges", &d.charges));
    }

    fn charges_line(&self, id: &'static str, c: &Charges) -> Message {
        Message::new(id)
            .money("duty", c.duty, self.currency)
            .term("vat_name", self.vat_name.clone())
            .money("vat", c.vat, self.currency)
            .money("excise", c.excise, self.currency)
            .money("total", c.total, self.currency)
    }
}
